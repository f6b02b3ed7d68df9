"""Seeded generator of realistic Vietnamese provincial policy documents, with ground truth.

``generate(n_docs, n_provinces, seed)`` returns a :class:`Corpus`: ``n_docs``
plain-text documents spread over ``n_provinces`` provinces, each a node of a
lineage tree 3-7 levels deep that starts at a Party resolution (``NQ/TW``)::

    22-NQ/TW (Bộ Chính trị)                   level 0, central, only cited
      <- 45-CTr/TU (Ban Thường vụ Tỉnh ủy)    level 1, provincial, only cited
         <- 590/KH-UBND (UBND tỉnh)           level 2, in the corpus
            <- 61/QĐ-UBND (Chủ tịch UBND)     level 3, in the corpus
               <- 17/KH-SNgV (Sở Ngoại vụ)    level 4..6, in the corpus

Every document states its parent ("Căn cứ"/"Thực hiện" + type + symbol +
date + issuer) and, as the real plans do, what the parent itself carries out
("... về thực hiện Nghị quyết số 22-NQ/TW ..."), so the link parent ->
grandparent is *stated by* the child, also when the parent is not in the
corpus.  Central Government resolutions (``NQ-CP``) implementing the same
Party resolution are cited beside it, and Prime Minister decisions as a
second "Căn cứ".  The body holds a numbered task list (lead and coordinating
Sở, deadlines) and an appendix table flattened one cell per line, and the text
carries the noise seen in real documents: glued words (``Nghị quyếtsố``,
``SởNgoại vụ``, ``THỰCHIỆN``), spaces inside symbols (``45- CTr/TU``,
``590 /QĐ-UBND``), lines wrapped mid-sentence, page numbers between lines,
old tone placement (``hoà``, ``Uỷ``) and decomposed (NFD) characters.

The ground truth (:class:`GenDoc`) uses the keys of ``gold/README.md``
(``symbol|scope|year``), so it can be compared with ``vbgraph``'s extraction.
Pure standard library; the same ``seed`` gives the same bytes.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

PROVINCES: tuple[str, ...] = (
    "Quảng Ngãi", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Nam", "Bình Định", "Phú Yên",
    "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "An Giang",
    "Kiên Giang", "Cà Mau", "Sóc Trăng", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "Hậu Giang",
    "Bạc Liêu", "Tây Ninh", "Bình Dương", "Bình Phước", "Bình Thuận", "Ninh Thuận",
    "Gia Lai", "Kon Tum", "Đắk Lắk", "Đắk Nông", "Quảng Bình", "Quảng Trị", "Thái Bình",
    "Nam Định", "Ninh Bình", "Hà Nam", "Hưng Yên", "Hải Dương", "Bắc Ninh", "Bắc Giang",
    "Phú Thọ", "Vĩnh Phúc", "Thái Nguyên", "Tuyên Quang", "Yên Bái", "Lào Cai", "Hà Giang",
    "Cao Bằng", "Lạng Sơn", "Sơn La", "Điện Biên", "Lai Châu", "Hòa Bình", "Quảng Ninh",
    "Bắc Kạn",
)  # fmt: skip

#: Sở (departments): full name and the code used in their document symbols.
DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("Sở Ngoại vụ", "SNgV"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Tài chính", "STC"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Tư pháp", "STP"),
    ("Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Tài nguyên và Môi trường", "STNMT"),
    ("Sở Giao thông vận tải", "SGTVT"),
    ("Sở Xây dựng", "SXD"),
)

#: Subjects of the Party resolutions at the roots of the trees.
SUBJECTS: tuple[str, ...] = (
    "hội nhập quốc tế",
    "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    "công tác ngoại giao kinh tế phục vụ phát triển đất nước đến năm 2030",
    "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "xây dựng và phát huy vai trò của đội ngũ trí thức trong giai đoạn mới",
    "tăng cường quản lý và nâng cao hiệu quả sử dụng đất đai",
    "phát triển nguồn nhân lực chất lượng cao",
    "đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trong tình hình mới",
    "chủ động ứng phó với biến đổi khí hậu, tăng cường quản lý tài nguyên và bảo vệ môi trường",
    "thực hiện có hiệu quả tiến trình hội nhập kinh tế quốc tế, giữ vững ổn định chính trị"
    " - xã hội",
    "phát triển kinh tế tập thể trong giai đoạn mới",
)

ROOT_ISSUERS: tuple[str, ...] = (
    "Bộ Chính trị",
    "Ban Chấp hành Trung ương Đảng khóa XII",
    "Ban Chấp hành Trung ương Đảng khóa XIII",
)

TASK_VERBS: tuple[str, ...] = (
    "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung",
    "Rà soát, hoàn thiện cơ chế, chính sách để thực hiện",
    "Xây dựng kế hoạch chi tiết và bố trí nguồn lực triển khai",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện",
    "Đẩy mạnh cải cách thủ tục hành chính, cải thiện môi trường đầu tư gắn với",
    "Nâng cao chất lượng nguồn nhân lực phục vụ",
    "Sơ kết, đánh giá kết quả thực hiện",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong triển khai",
)

DEADLINES: tuple[str, ...] = (
    "Thường xuyên",
    "Quý II/{year}",
    "Quý IV/{year}",
    "Năm {year}",
    "Trước ngày 15/12 hằng năm",
    "Định kỳ 6 tháng",
)

FILLER: tuple[str, ...] = (
    "Cụ thể hóa các quan điểm chỉ đạo, mục tiêu, nhiệm vụ và giải pháp phù hợp với điều kiện "
    "thực tế của tỉnh, bảo đảm tính khả thi, hiệu quả.",
    "Xác định rõ nhiệm vụ, trách nhiệm cụ thể của từng cơ quan, đơn vị, địa phương và sự phối "
    "hợp giữa các đơn vị trong quá trình tổ chức thực hiện.",
    "Tạo chuyển biến mạnh mẽ về nhận thức của các cấp, các ngành và các tầng lớp nhân dân; "
    "phát huy sức mạnh tổng hợp của cả hệ thống chính trị.",
    "Phấn đấu tốc độ tăng trưởng tổng sản phẩm trong tỉnh (GRDP) bình quân giai đoạn đạt "
    "7-8%/năm; thu nhập bình quân đầu người tăng gấp 1,5 lần.",
    "Gắn kết chặt chẽ việc thực hiện Kế hoạch với chương trình, kế hoạch phát triển kinh tế - "
    "xã hội của tỉnh, của từng ngành, địa phương.",
    "Nâng cao hiệu lực, hiệu quả quản lý nhà nước; tăng cường công tác thông tin, tuyên "
    "truyền, quảng bá hình ảnh, tiềm năng, thế mạnh của tỉnh.",
)

GLUE_WORDS: tuple[tuple[str, str], ...] = (
    ("Nghị quyết số", "Nghị quyếtsố"),
    ("Kế hoạch số", "Kế hoạchsố"),
    ("Chương trình hành động số", "Chương trình hành độngsố"),
    ("thực hiện", "thựchiện"),
    ("THỰC HIỆN", "THỰCHIỆN"),
    ("BAN HÀNH", "BANHÀNH"),
    ("và UBND", "vàUBND"),
    ("phối hợp với", "phối hợpvới"),
    ("nhân dân", "nhândân"),
)

OLD_TONES: tuple[tuple[str, str], ...] = (
    ("hóa", "hoá"),
    ("Hòa", "Hoà"),
    ("Ủy", "Uỷ"),
    ("hòa", "hoà"),
)


@dataclass(frozen=True, slots=True)
class Ref:
    """A document as the generator knows it (in the corpus or only cited)."""

    symbol: str
    key: str
    type: str  # "Nghị quyết", "Kế hoạch"...
    issuer: str
    date: date
    province: str | None
    level: int
    title: str = ""


@dataclass(frozen=True, slots=True)
class GenDoc:
    """One generated document and the ground truth the extractor should find."""

    name: str
    text: str
    ref: Ref
    parent: str  # key of the document this one carries out
    #: (source, target, relation) edges the text states; relation as in the gold files.
    edges: tuple[tuple[str, str, str], ...]
    #: Agencies the task list gives the lead of a task.
    leads: tuple[str, ...]
    coordinates: tuple[str, ...]
    #: (task id, task text, lead, coordinating agencies) of each task the text assigns.
    tasks: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    #: UTF-8 size of the text (kept when the text itself is dropped, ``keep_text=False``).
    size: int = 0

    @property
    def key(self) -> str:
        return self.ref.key


@dataclass(slots=True)
class Corpus:
    """A generated corpus: documents in the corpus and the documents they only cite."""

    docs: list[GenDoc]
    cited: dict[str, Ref] = field(default_factory=dict)
    seed: int = 0
    provinces: tuple[str, ...] = ()

    @property
    def bytes(self) -> int:
        return sum(d.size for d in self.docs)

    def edges(self) -> set[tuple[str, str, str]]:
        return {e for d in self.docs for e in d.edges}

    def write(self, directory: str | Path) -> list[Path]:
        """Write each document as ``<name>`` (UTF-8 .txt) under ``directory``."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for d in self.docs:
            p = out / d.name
            p.write_text(d.text, encoding="utf-8")
            paths.append(p)
        return paths


# --------------------------------------------------------------------------- the trees


@dataclass(slots=True)
class _Tree:
    province: str
    root: Ref
    gov: Ref | None
    depth: int  # levels, root included (3..7)
    levels: list[list[Ref]]


class _Numbers:
    """Document numbers unique per (scope, code, year), as registries hand them out."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[tuple[str, str, int, int]] = set()

    def take(self, scope: str, code: str, year: int, low: int = 1, high: int = 999) -> int:
        for _ in range(50):
            n = self.rng.randint(low, high)
            if (scope, code, year, n) not in self.used:
                self.used.add((scope, code, year, n))
                return n
        n = high + 1
        while (scope, code, year, n) in self.used:
            n += 1
        self.used.add((scope, code, year, n))
        return n


def _key(symbol: str, scope: str, year: int) -> str:
    return f"{symbol}|{scope}|{year}"


def generate(
    n_docs: int,
    n_provinces: int = 20,
    seed: int = 0,
    min_depth: int = 3,
    max_depth: int = 7,
    noise: float = 1.0,
    tasks: tuple[int, int] = (4, 9),
    keep_text: bool = True,
) -> Corpus:
    """``n_docs`` documents over ``n_provinces`` provinces; the same seed gives the same corpus.

    ``keep_text=False`` drops each text once made (same corpus, ground truth and
    sizes; for large runs that store the ground truth, not the extraction).
    ``noise`` scales how often glued words, spaced symbols, page numbers, old
    tone marks and NFD text are injected (0 turns them off).
    """
    if not 1 <= n_provinces <= len(PROVINCES):
        raise ValueError(f"n_provinces must be between 1 and {len(PROVINCES)}")
    if not 3 <= min_depth <= max_depth:
        raise ValueError("depths must satisfy 3 <= min_depth <= max_depth")
    rng = random.Random(seed)
    numbers = _Numbers(rng)
    provinces = PROVINCES[:n_provinces]
    # About one tree per province for every 8 documents, each Party root implemented
    # in many provinces.
    n_roots = max(2, min(400, round(n_docs / (8 * n_provinces)) + 1))
    roots: list[Ref] = []
    govs: list[Ref | None] = []
    for r in range(n_roots):
        year = rng.randint(2008, 2021)
        d = date(year, rng.randint(1, 12), rng.randint(1, 28))
        num = numbers.take("VN", "NQ/TW", year, 1, 60)
        symbol = f"{num}-NQ/TW"
        subject = SUBJECTS[r % len(SUBJECTS)]
        roots.append(
            Ref(
                symbol,
                _key(symbol, "VN", year),
                "Nghị quyết",
                rng.choice(ROOT_ISSUERS),
                d,
                None,
                0,
                subject,
            )
        )
        if rng.random() < 0.6:
            gd = d + timedelta(days=rng.randint(60, 200))
            gnum = numbers.take("VN", "NQ-CP", gd.year, 1, 180)
            gsym = f"{gnum}/NQ-CP"
            govs.append(
                Ref(
                    gsym, _key(gsym, "VN", gd.year), "Nghị quyết", "Chính phủ", gd, None, 0, subject
                )
            )
        else:
            govs.append(None)
    corpus = Corpus([], {}, seed, provinces)
    for r in roots:
        corpus.cited[r.key] = r
    for g in govs:
        if g is not None:
            corpus.cited[g.key] = g
    trees: dict[tuple[str, int], _Tree] = {}
    parents: dict[str, str] = {}  # child key -> parent key (grandparent lookup)
    for i in range(n_docs):
        province = provinces[i % n_provinces]
        r = rng.randrange(n_roots)
        tree = trees.get((province, r))
        if tree is None:
            tree = _new_tree(rng, numbers, province, roots[r], govs[r], min_depth, max_depth)
            trees[(province, r)] = tree
            corpus.cited[tree.levels[1][0].key] = tree.levels[1][0]
        # Attach below a random existing node that still has room under it; prefer
        # the shallow levels while they are thin, so trees grow wide and deep.
        open_levels = [
            lv for lv in range(1, min(tree.depth - 1, len(tree.levels))) if tree.levels[lv]
        ]
        level = rng.choice(open_levels) + 1
        parent = rng.choice(tree.levels[level - 1])
        grand = _parent_of(tree, parent, parents)
        doc = _make_doc(rng, numbers, i, tree, level, parent, grand, noise, tasks)
        if not keep_text:
            doc = replace(doc, text="")
        while len(tree.levels) <= level:
            tree.levels.append([])
        tree.levels[level].append(doc.ref)
        parents[doc.ref.key] = parent.key
        corpus.docs.append(doc)
        corpus.cited.pop(doc.ref.key, None)
    return corpus


def _parent_of(tree: _Tree, ref: Ref, parents: dict[str, str]) -> Ref:
    key = parents.get(ref.key)
    if ref.level == 1 or key is None:
        return tree.root
    for r in tree.levels[ref.level - 1]:
        if r.key == key:
            return r
    return tree.root


def _new_tree(
    rng: random.Random,
    numbers: _Numbers,
    province: str,
    root: Ref,
    gov: Ref | None,
    min_depth: int,
    max_depth: int,
) -> _Tree:
    depth = rng.randint(min_depth, max_depth)
    d = root.date + timedelta(days=rng.randint(30, 240))
    num = numbers.take(province, "CTr/TU", d.year, 1, 120)
    symbol = f"{num}-CTr/TU"
    ctr = Ref(
        symbol,
        _key(symbol, province, d.year),
        "Chương trình hành động",
        "Ban Thường vụ Tỉnh ủy",
        d,
        province,
        1,
        root.title,
    )
    return _Tree(province, root, gov, depth, [[root], [ctr]])


_LOCAL_KINDS = (
    # (type word, type code, issuer template, weight)
    ("Kế hoạch", "KH-UBND", "UBND tỉnh {province}"),
    ("Quyết định", "QĐ-UBND", "Chủ tịch UBND tỉnh {province}"),
    ("Kế hoạch", "KH-{dept}", "{dept_name}"),
)


def _make_doc(
    rng: random.Random,
    numbers: _Numbers,
    index: int,
    tree: _Tree,
    level: int,
    parent: Ref,
    grand: Ref | None,
    noise: float,
    n_tasks: tuple[int, int],
) -> GenDoc:
    province = tree.province
    d = parent.date + timedelta(days=rng.randint(15, 200))
    kind = rng.choice(_LOCAL_KINDS[:2]) if level == 2 else rng.choice(_LOCAL_KINDS)
    type_word, code, issuer_t = kind
    dept_name, dept_code = rng.choice(DEPARTMENTS)
    code = code.replace("{dept}", dept_code)
    issuer = issuer_t.format(province=province, dept_name=dept_name)
    num = numbers.take(province, code, d.year, 1, 2999)
    symbol = f"{num}/{code}"
    subject = tree.root.title
    title = _title(type_word, parent, subject)
    ref = Ref(symbol, _key(symbol, province, d.year), type_word, issuer, d, province, level, title)
    edges: list[tuple[str, str, str]] = []
    # A decision "ban hành Kế hoạch thực hiện <parent>" implements it, as a plan does.
    edges.append((ref.key, parent.key, "implements"))
    if grand is not None:
        edges.append((parent.key, grand.key, "implements"))
    gov = tree.gov if level == 2 and tree.gov is not None and rng.random() < 0.7 else None
    if gov is not None:
        edges.append((ref.key, gov.key, "based_on" if type_word == "Quyết định" else "implements"))

    roles: list[tuple[str, str, str, tuple[str, ...]]] = []
    body = _body(rng, ref, parent, grand, gov, dept_name, n_tasks, roles)
    header = _header(rng, ref, dept_name)
    text = header + body
    text = _noise(rng, text, noise)
    name = f"{index:06d}_{_slug(symbol)}.txt"
    leads = tuple(dict.fromkeys(r[2] for r in roles))
    coords = tuple(dict.fromkeys(c for r in roles for c in r[3]))
    return GenDoc(
        name,
        text,
        ref,
        parent.key,
        tuple(edges),
        leads,
        coords,
        tuple(roles),
        len(text.encode("utf-8")),
    )


def _slug(symbol: str) -> str:
    folded = unicodedata.normalize("NFD", symbol.replace("Đ", "D").replace("đ", "d"))
    return "".join(c if c.isalnum() else "-" for c in folded if not unicodedata.combining(c))


def _title(type_word: str, parent: Ref, subject: str) -> str:
    if type_word == "Quyết định":
        return f"Ban hành Kế hoạch thực hiện {parent.type} số {parent.symbol} về {subject}"
    return f"Thực hiện {parent.type} số {parent.symbol} về {subject}"


def _vn_date(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def _mention(ref: Ref, with_issuer: bool = True) -> str:
    text = f"{ref.type} số {ref.symbol} ngày {_vn_date(ref.date)}"
    if with_issuer:
        text += f" của {ref.issuer}"
    return text


def _header(rng: random.Random, ref: Ref, dept_name: str) -> str:
    province = ref.province or ""
    if "/KH-S" in ref.symbol:
        org = f"UBND TỈNH {province.upper()}\n{dept_name.upper()}"
    else:
        org = f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}"
    d = ref.date
    sep = rng.choice(("\n", "\n|\n", "\n\n"))
    lines = [
        org,
        "-------",
        sep.strip("\n") or "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        f"Số: {ref.symbol}",
        f"{province}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
        ref.type.upper(),
        ref.title.upper(),
    ]
    return "\n".join(x for x in lines if x) + "\n"


def _body(
    rng: random.Random,
    ref: Ref,
    parent: Ref,
    grand: Ref | None,
    gov: Ref | None,
    dept_name: str,
    n_tasks: tuple[int, int],
    roles: list[tuple[str, str, str, tuple[str, ...]]],
) -> str:
    province = ref.province or ""
    parts: list[str] = []
    parent_text = _mention(parent)
    if grand is not None:
        parent_text += f" về thực hiện {_mention(grand)}"
    if ref.type == "Quyết định":
        parts.append(f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province.upper()}")
        parts.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;")
        parts.append(f"Căn cứ {parent_text};")
        if gov is not None:
            parts.append(f"Căn cứ {_mention(gov)};")
        dept, dept_code = rng.choice(DEPARTMENTS)
        num = rng.randint(10, 999)
        parts.append(
            f"Xét đề nghị của Giám đốc {dept} tại Tờ trình số {num}/TTr-{dept_code} "
            f"ngày {_vn_date(ref.date - timedelta(days=rng.randint(3, 20)))},"
        )
        parts.append("QUYẾT ĐỊNH:")
        parts.append(
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện "
            f"{parent.type} số {parent.symbol} trên địa bàn tỉnh."
        )
        parts.append("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.")
        parts.append(
            f"Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc {dept}, Thủ trưởng các sở, "
            "ban, ngành và Chủ tịch UBND các huyện, thành phố chịu trách nhiệm thi "
            "hành Quyết định này./."
        )
        parts.append(
            "Nơi nhận:\n- Như Điều 3;\n- Văn phòng Chính phủ;\n- TT. Tỉnh ủy, "
            "TT. HĐND tỉnh;\n- Lưu: VT, KTTH."
        )
        parts.append("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An")
        parts.append("KẾ HOẠCH")
        parts.append(
            f"Thực hiện {parent.type} số {parent.symbol} về {parent.title or 'các '}".rstrip()
        )
        parts.append(
            f"(Ban hành kèm theo Quyết định số {ref.symbol} ngày {_vn_date(ref.date)} "
            "của Chủ tịch Ủy ban nhân dân tỉnh)"
        )
    else:
        lead_in = f"Thực hiện {parent_text}"
        if gov is not None:
            lead_in = f"Thực hiện {_mention(gov)} và {parent_text}"
        who = "UBND tỉnh" if "UBND" in ref.symbol else dept_name
        parts.append(f"{lead_in}, {who} ban hành Kế hoạch thực hiện với các nội dung như sau:")
    parts.append("I. MỤC ĐÍCH, YÊU CẦU")
    parts.append("1. Mục đích")
    for s in rng.sample(FILLER, 3):
        parts.append(f"- {s}")
    parts.append("2. Yêu cầu")
    for s in rng.sample(FILLER, 2):
        parts.append(f"- {s}")
    parts.append("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    n = rng.randint(*n_tasks)
    year = ref.date.year
    rows: list[tuple[str, str, str, str]] = []
    for k in range(1, n + 1):
        lead, _ = rng.choice(DEPARTMENTS)
        others = [dname for dname, _ in rng.sample(DEPARTMENTS, 3) if dname != lead][:2]
        verb = rng.choice(TASK_VERBS)
        deadline = rng.choice(DEADLINES).format(year=year + rng.randint(0, 2))
        task = (
            f"{verb} {parent.type} số {parent.symbol}"
            if k == 1
            else f"{verb} các nhiệm vụ về {ref.title.split(' về ', 1)[-1]}"
        )
        if k <= (n + 1) // 2:
            roles.append((f"II.{k}", task, lead, tuple(others)))
            parts.append(f"{k}. {task}.")
            parts.append(
                f"{lead} chủ trì, phối hợp với {' và '.join(others)} và các cơ quan, "
                f"đơn vị liên quan triển khai thực hiện. Thời gian thực hiện: "
                f"{deadline.lower() if deadline[0] != 'T' else deadline}."
            )
            parts.append(rng.choice(FILLER))
        else:
            rows.append((task, lead, ", ".join(others), deadline))
            roles.append((f"PL.{len(rows)}", task, lead, tuple(others)))
    parts.append("III. TỔ CHỨC THỰC HIỆN")
    parts.append(
        f"1. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ nhiệm vụ "
        f"được giao xây dựng kế hoạch cụ thể, báo cáo kết quả về {dept_name} trước "
        f"ngày 15/11 hằng năm để tổng hợp."
    )
    parts.append(
        f"2. Giao {dept_name} chủ trì, theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này."
    )
    roles.append(("III.2", "Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch", dept_name, ()))
    if rows:
        parts.append("PHỤ LỤC")
        parts.append("DANH MỤC NHIỆM VỤ TRIỂN KHAI")
        parts.append(f"(Kèm theo {ref.type} số {ref.symbol} ngày {_vn_date(ref.date)})")
        parts.extend(
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời gian hoàn thành",
            ]
        )
        for k, (task, lead, others, deadline) in enumerate(rows, 1):
            parts.extend([str(k), task, lead, others, deadline])
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- noise


def _noise(rng: random.Random, text: str, level: float) -> str:
    if level <= 0:
        return text
    for clean, glued in GLUE_WORDS:
        if clean in text and rng.random() < 0.5 * level:
            text = text.replace(clean, glued, 1)
    for clean, old in OLD_TONES:
        if clean in text and rng.random() < 0.3 * level:
            text = text.replace(clean, old)
    text = _spaced_symbols(rng, text, level)
    text = _wrap(rng, text, level)
    if rng.random() < 0.1 * level:
        text = unicodedata.normalize("NFD", text)
    return text


def _spaced_symbols(rng: random.Random, text: str, level: float) -> str:
    out = []
    for line in text.split("\n"):
        if "-CTr/TU" in line and rng.random() < 0.3 * level:
            line = line.replace("-CTr/TU", "- CTr/TU", 1)
        if "/QĐ-UBND" in line and rng.random() < 0.2 * level and not line.startswith("Số:"):
            line = line.replace("/QĐ-UBND", " /QĐ-UBND", 1)
        out.append(line)
    return "\n".join(out)


def _wrap(rng: random.Random, text: str, level: float) -> str:
    """Wrap long lines at ~80 columns (as PDF/HTML extraction leaves them), page numbers between."""
    if rng.random() > 0.6 * level:
        return text
    width = rng.randint(70, 90)
    page = 2
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
            if rng.random() < 0.01 * level and line[:1].islower():
                out.append(str(page))
                page += 1
        out.append(line)
    return "\n".join(out)


def iter_texts(corpus: Corpus) -> Iterator[tuple[str, str]]:
    for d in corpus.docs:
        yield d.name, d.text
