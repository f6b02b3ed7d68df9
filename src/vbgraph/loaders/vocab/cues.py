"""Cue words (``cues.toml``) as regex text for the grammars that place them.

Each constant is an alternation without a group (wrap it as the rule needs); a space in
a phrase matches any whitespace run.  The folded forms (``*_FOLDED``) are for rules
that run on :func:`vbgraph.loaders.text.fold.fold_same_length` text.
"""

from __future__ import annotations

from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import phrase, phrases
from vbgraph.loaders.vocab.files import load

_DATA = load("cues.toml")
_IMPLEMENTS = _DATA["implements"]

#: Words that open a statement ("Căn cứ", "Theo đề nghị", "Thực hiện" ...).
STATEMENT_OPENERS = phrases(_DATA["statements"]["openers"])

#: Verbs of carrying out a document ("thực hiện", "triển khai").
IMPLEMENT_VERBS = phrases(_IMPLEMENTS["verbs"])
#: Verbs that may come before them ("tổ chức", "triển khai").
IMPLEMENT_LEAD_INS = phrases(_IMPLEMENTS["lead_ins"])
#: Carrying out a law ("tổ chức thi hành", "hướng dẫn thi hành" ...).
EXECUTE = rf"(?:{phrases(_IMPLEMENTS['execute_lead_ins'])})\s+{phrase(_IMPLEMENTS['execute'])}"
#: Any verb of carrying out: a document's or a law's.
CARRY_OUT = f"{IMPLEMENT_VERBS}|{EXECUTE}"
#: The verbs of carrying out as folded text ("thuc\s+hien|trien\s+khai|thi\s+hanh").
CARRY_OUT_FOLDED = phrases(fold_name(w) for w in (*_IMPLEMENTS["verbs"], _IMPLEMENTS["execute"]))

#: The opening of a short-form definition: "(sau đây gọi tắt là ".
SHORT_FORM_OPEN = rf"\(\s*(?:sau đây\s+)?(?:{phrases(_DATA['short_form']['markers'])})\s+"

#: "kèm theo": a text issued with a document.
ATTACHED = phrase(_DATA["attached"]["words"])
#: The types of document that issue a text attached to them ("Quyết định" ...).
ISSUING_TYPES = phrases(_DATA["attached"]["issuing_types"])

_RELATIONS = _DATA["relations"]
#: Statement openers of each relation, and the words of proposals and of changes.
BASED_ON_OPENERS = phrases(_RELATIONS["based_on"])
PROPOSAL_OPENERS = phrases(_RELATIONS["proposal_openers"])
PROPOSAL_WORDS = phrases(_RELATIONS["proposal_words"])
AMENDS = phrases(_RELATIONS["amends"])
REPLACES = phrases(_RELATIONS["replaces"])
#: The first words of those phrases: where a match of them can start.
REPLACES_STARTS = tuple(dict.fromkeys(w.split()[0] for w in _RELATIONS["replaces"]))

_ROLES = _DATA["roles"]


def _folded(words: list[str], space: str = " ") -> str:
    """Folded phrases (``space`` between words), for rules on folded text."""
    return phrases((fold_name(w) for w in words), space=space)


#: Person titles before an agency's name, folded ("giam doc|thu truong|...").
TITLES_FOLDED = _folded(_ROLES["titles"], r"\s+")
#: Labels of a heading naming whose tasks follow ("trach nhiem|nhiem vu chu yeu|..."), folded.
HOLDER_LABELS_FOLDED = _folded(_ROLES["holder_labels"], r"\s+")
#: The verbs that give a task's roles ("chu\s+tri|phoi\s+hop"), folded.
ROLE_VERBS_FOLDED = _folded(_ROLES["role_verbs"], r"\s+")
#: "Trường hợp ...,", "Đối với ... thì", "Để ...,": an adverbial opening a sentence before
#: its subject, folded (its lead-in, up to 240 characters, a comma or "thì"), and the verbs
#: of obligation that make that subject the task's holder.
FRONTED_ADVERB_FOLDED = (
    rf"(?:{_folded(_ROLES['fronted_adverb_lead_ins'], r'\s+')})\b[^.;:\n]{{0,240}}(?:,|\bthi\b)"
)
OBLIGED_VERBS_FOLDED = _folded(_ROLES["obliged_verbs"], r"\s+")
#: Verbs of a power (deciding, approving) rather than a task, folded.
POWER_VERBS_FOLDED = _folded(_ROLES["power_verbs"], r"\s+")
#: Verbs of the issuer's own voice, concluding or commending, folded.
SPEAKER_VERBS_FOLDED = _folded(_ROLES["speaker_verbs"], r"\s+")
#: "theo chức năng, nhiệm vụ được giao": an adverbial between a subject and its verb, folded.
FUNCTION_ADVERB_FOLDED = (
    rf"(?:{_folded(_ROLES['function_adverb_lead_ins'], r'\s+')})\s+(?:cac\s+)?"
    rf"(?:{_folded(_ROLES['function_adverb_nouns'], r'\s+')})"
    rf"(?:\s*,?\s*(?:va\s+)?(?:{_folded(_ROLES['function_adverb_nouns'], r'\s+')}))*"
    rf"(?:\s+(?:{_folded(_ROLES['function_adverb_tails'], r'\s+')}))?"
)
#: Words between the agencies of one list, folded ("lien quan|don vi|...").
LIST_FILLERS_FOLDED = _folded(_ROLES["list_fillers"])
#: What may stand between "phối hợp" and the partners, folded.
COORDINATE_ADVERBS_FOLDED = _folded(_ROLES["coordinate_adverbs"])
#: Verbs of following how a document is carried out, and of checking it, folded.
MONITOR_VERBS_FOLDED = _folded(_ROLES["monitor_verbs"], r"\s+")
CHECK_VERBS_FOLDED = _folded(_ROLES["check_verbs"], r"\s+")
#: Words that may open a predicate before a monitoring verb, folded.
MONITOR_LEAD_INS_FOLDED = _folded(_ROLES["monitor_lead_ins"], r"\s+")
#: The first words of those verbs, folded (where a monitoring clause can start).
MONITOR_STARTS: tuple[str, ...] = tuple(
    fold_name(w).split()[0] for w in (*_ROLES["monitor_verbs"], *_ROLES["check_verbs"])
)
#: A monitoring clause of its own: verbs after the first, objects, advising lead-ins, folded.
MONITOR_CHAIN_VERBS_FOLDED = _folded(_ROLES["monitor_chain_verbs"], r"\s+")
MONITOR_OBJECTS_FOLDED = _folded(_ROLES["monitor_objects"], r"\s+")
MONITOR_ADVISING_FOLDED = _folded(_ROLES["monitor_advising"], r"\s+")
#: Words of a document whose carrying out is monitored, folded, in the file's order.
MONITORED_FOLDED = "|".join(phrase(fold_name(w)) for w in _ROLES["monitored"])

#: Header words of a task table's columns, by role, in the order roles are tried.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    role: tuple(words) for role, words in _DATA["table_columns"].items()
}

#: Headers that name a column only as the whole header ("Đơn vị"), by role.
TABLE_WHOLE_HEADERS: dict[str, tuple[str, ...]] = {
    role: tuple(words) for role, words in _DATA["table_whole_headers"].items()
}

_NOT_ASSIGNED = _DATA["not_assigned"]
#: Labels of addressee lists, of signature metadata lines, and offices of membership lists.
RECIPIENT_LABELS: tuple[str, ...] = tuple(_NOT_ASSIGNED["recipients"])
METADATA_LABELS = phrases(_NOT_ASSIGNED["metadata"])
#: What an announcing sentence announces ("các nhiệm vụ sau:"), folded.
ANNOUNCED_FOLDED = _folded(_NOT_ASSIGNED["announced"], r"\s+")
#: Headings of sections of aims, not tasks ("muc dich|yeu cau|..."), folded.
AIMS_SECTIONS_FOLDED = _folded(_NOT_ASSIGNED["aims_sections"], r"\s+")
#: Words that make a heading one of tasks ("nhiem vu|giai phap|..."), folded.
TASK_WORDS_FOLDED = _folded(_NOT_ASSIGNED["task_words"], r"\s+")
#: Words before a body that mean its members ("đại biểu Quốc hội"), folded.
MEMBERS_OF_FOLDED = _folded(_NOT_ASSIGNED["members_of"], r"\s+")
MEMBER_TITLES = phrases(_NOT_ASSIGNED["member_titles"])
#: Offices of a signature block, in capitals as it writes them ("THỦ TƯỚNG").
SIGNING_OFFICES_CAPS = phrases(w.upper() for w in _NOT_ASSIGNED["signing_offices"])
#: The closing exhortation ("Yêu cầu ... nghiêm túc triển khai thực hiện./."): its openers,
#: the documents it names, the role words that make it a task.
EXHORTATION_OPENER_WORDS: tuple[str, ...] = tuple(_NOT_ASSIGNED["exhortation_openers"])
EXHORTATION_OPENERS = phrases(EXHORTATION_OPENER_WORDS)
EXHORTATION_DOCUMENTS = phrases(_NOT_ASSIGNED["exhortation_documents"])
EXHORTATION_ROLES = phrases(_NOT_ASSIGNED["exhortation_roles"])
#: Openers of a sentence listing members ("Thành viên ... gồm").
MEMBERSHIP_OPENERS = phrases(_NOT_ASSIGNED["membership_openers"])

_FIELDS = _DATA["task_fields"]
#: Labels of a task's field lines by role, folded ("don vi chu tri|co quan chu tri|...").
FIELD_LABELS_FOLDED: dict[str, str] = {
    role: _folded(_FIELDS[role], r"\s+")
    for role in ("lead", "coordinate")
}
#: Words before a person's office in a field ("đồng chí", "đ/c"), folded.
PERSON_MARKERS_FOLDED = _folded(_FIELDS["person_markers"], r"\s+")
#: Every field label of a task ("Đơn vị chủ trì", "Thời gian hoàn thành", "Kết quả" ...): a
#: "- Label: value" line is a field of the item above it, not an item of its own.
FIELD_LABELS = phrases(
    label for role in ("lead", "coordinate", "deadline", "product") for label in _FIELDS[role]
)
#: Labels of a task's deadline field ("Thời gian hoàn thành", "Thời hạn" ...).
DEADLINE_LABELS = phrases(_FIELDS["deadline"])
