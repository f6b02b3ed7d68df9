"""Roles from phrasing: table-driven excerpts in the styles of many provinces' plans,
golden files for the sample corpus, and spans into the original text."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import require_shared
from vbgraph.evaluation.assignments import score_assignments, score_tasks
from vbgraph.loaders.relate.responsibilities import extract_responsibilities
from vbgraph.loaders.text.normalize import normalize
from vbgraph.models import DocInfo


def _subject(province: str) -> DocInfo:
    return DocInfo(symbol="1/KH-UBND", key=f"1/KH-UBND|{province}|2024", province=province)


def _pairs(text: str, province: str = "Nghệ An") -> set[tuple[str, str]]:
    assignments, _ = extract_responsibilities(normalize(text), _subject(province))
    return {(a.agency, a.role) for a in assignments}


# (excerpt in a real document's style, province, expected pairs, pairs that must be absent)
PHRASINGS = [
    (  # "Giao X chủ trì, phối hợp với Y, Z" (Quảng Ngãi, KH 2024)
        "2. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp các sở, ban, ngành theo dõi, "
        "đánh giá, kiểm tra tình hình thực hiện Kế hoạch này.",
        "Quảng Ngãi",
        {
            ("Sở Kế hoạch và Đầu tư", "lead"),
            ("Sở Kế hoạch và Đầu tư", "monitor"),
            ("Các sở, ban, ngành", "coordinate"),
        },
        set(),
    ),
    (  # agency as a heading, its tasks as bullets (QĐ of a provincial chairman)
        "III. NHIỆM VỤ CỤ THỂ\n2. Sở Ngoại vụ\n- Chủ trì, phối hợp với các sở, ban ngành "
        "liên quan tăng cường hoạt động đối ngoại.\n- Phối hợp chặt chẽ với Bộ Ngoại giao "
        "trong công tác bảo hộ ngư dân.\n3. Sở Y tế\nTăng cường hợp tác với nước ngoài.",
        "Quảng Ngãi",
        {
            ("Sở Ngoại vụ", "lead"),
            ("Các sở, ban, ngành", "coordinate"),
            ("Bộ Ngoại giao", "coordinate"),
            ("Sở Y tế", "lead"),
        },
        {("Bộ Ngoại giao", "lead")},
    ),
    (  # "1.2. X <verb> ..." numbered subject (Thanh Hóa KH 2023), wrapped lines
        "1.2. Sở Thông tin và Truyền\nthông định hướng, hướng dẫn các cơ quan báo chí, "
        "truyền thông tăng thời lượng.",
        "Thanh Hóa",
        {("Sở Thông tin và Truyền thông", "lead")},
        set(),
    ),
    (  # letter items, several subjects, OCR full stops at line ends (Thanh Hóa KH 2017)
        "a) Báo Thanh Hóa, Đài Phát thanh và Truyền hình tỉnh tăng cường thông tin.\n"
        "e) Cục Thuế tỉnh tiếp tục nâng cao chất lượng kê khai thuế qua mạng, nộp.\n"
        "thuế điện tử.",
        "Thanh Hóa",
        {
            ("Báo Thanh Hóa", "lead"),
            ("Đài Phát thanh và Truyền hình tỉnh", "lead"),
            ("Cục Thuế tỉnh", "lead"),
        },
        set(),
    ),
    (  # "Đề nghị" to bodies the issuer cannot order
        "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Ban Tuyên giáo Tỉnh ủy, "
        "Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh tăng cường công tác tuyên truyền.",
        "Bình Định",
        {
            ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested"),
            ("Ban Tuyên giáo Tỉnh ủy", "requested"),
            ("Tỉnh Đoàn", "requested"),
            ("Hội Liên hiệp Phụ nữ tỉnh", "requested"),
        },
        {("Ban Tuyên giáo Tỉnh ủy", "lead")},
    ),
    (  # reports go through a department; deadline clause
        "1. Các sở, ban, ngành; UBND các huyện, thị xã, thành phố tổ chức triển khai. "
        "Định kỳ hàng năm, báo cáo UBND tỉnh (qua Sở Kế hoạch và Đầu tư) trước ngày 15/11.",
        "Quảng Nam",
        {
            ("Các sở, ban, ngành", "lead"),
            ("UBND các huyện, thị xã, thành phố", "lead"),
            ("Sở Kế hoạch và Đầu tư", "report_hub"),
        },
        {("Sở Kế hoạch và Đầu tư", "lead")},
    ),
    (  # "gửi X tổng hợp" and "cơ quan thường trực"
        "3. Giao Sở Công Thương - Cơ quan thường trực Ban Hội nhập kinh tế quốc tế của tỉnh "
        "theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch. Các đơn vị định kỳ hàng năm "
        "gửi Sở Công Thương tổng hợp, báo cáo UBND tỉnh.",
        "Hà Tĩnh",
        {
            ("Sở Công Thương", "lead"),
            ("Sở Công Thương", "monitor"),
            ("Sở Công Thương", "report_hub"),
        },
        set(),
    ),
    (  # "Về ...: X chủ trì" and abbreviations
        "đ) Về phát triển khoa học và công nghệ: Sở KH&CN chủ trì, phối hợp với Sở TT&TT, "
        "Sở NN&PTNT thực hiện chương trình đổi mới công nghệ.",
        "Nghệ An",
        {
            ("Sở Khoa học và Công nghệ", "lead"),
            ("Sở Thông tin và Truyền thông", "coordinate"),
            ("Sở Nông nghiệp và Phát triển nông thôn", "coordinate"),
        },
        set(),
    ),
    (  # recipients and the execution clause assign nothing
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính và Thủ trưởng các cơ quan, "
        "đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n"
        "- Như Điều 3;\n- Bộ Tài chính;\n- Sở Tư pháp;\nKT. CHỦ TỊCH",
        "Đà Nẵng",
        set(),
        {("Sở Tài chính", "lead"), ("Bộ Tài chính", "lead"), ("Sở Tư pháp", "lead")},
    ),
    (  # a ministry's circular: its department guides, follows and checks it (Bộ Tài chính TT)
        "BỘ TÀI CHÍNH\n-------\nĐiều 5. Tổ chức thực hiện\n1. Tổng cục Hải quan có trách "
        "nhiệm hướng dẫn, theo dõi, kiểm tra việc thực hiện Thông tư này; chủ trì, phối hợp "
        "với Tổng cục Thuế xây dựng cơ sở dữ liệu dùng chung.",
        "Hà Nội",
        {
            ("Tổng cục Hải quan (Bộ Tài chính)", "lead"),
            ("Tổng cục Hải quan (Bộ Tài chính)", "monitor"),
            ("Tổng cục Thuế (Bộ Tài chính)", "coordinate"),
        },
        set(),
    ),
    (  # a decree's implementing clause: "đôn đốc, kiểm tra việc thi hành Nghị định"
        "3. Bộ Nội vụ có trách nhiệm theo dõi, đôn đốc, kiểm tra việc thi hành Nghị định này.",
        "Hà Nội",
        {("Bộ Nội vụ", "monitor")},
        set(),
    ),
    (  # an official letter reporting what a Sở has assigned (Công văn, Đồng Tháp style)
        "Sở Nông nghiệp và Phát triển nông thôn đã giao Chi cục Chăn nuôi và Thú y chủ trì, "
        "phối hợp với Trung tâm Khuyến nông tỉnh và Phòng Nông nghiệp và PTNT các huyện, "
        "thành phố tổ chức tiêm phòng đợt 1.",
        "Đồng Tháp",
        {
            ("Chi cục Chăn nuôi và Thú y", "lead"),
            ("Trung tâm Khuyến nông tỉnh", "coordinate"),
            (
                "Phòng Nông nghiệp và Phát triển nông thôn các huyện, thị xã, thành phố",
                "coordinate",
            ),
        },
        {("Trung tâm Khuyến nông tỉnh", "lead")},
    ),
    (  # "đã phân công X chủ trì" in a Sở's report (Sóc Trăng style)
        "Sở đã phân công Chi cục Thủy sản chủ trì, phối hợp với Phòng Tài nguyên và Môi "
        "trường các huyện, thị xã, thành phố kiểm tra vùng nuôi.",
        "Sóc Trăng",
        {
            ("Chi cục Thủy sản", "lead"),
            ("Phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố", "coordinate"),
        },
        set(),
    ),
    (  # units of a province and of the centre in one task (Khánh Hòa KH style)
        "4. Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp với Bộ Tư lệnh Vùng 4 Hải quân, "
        "Cảng vụ Hàng hải Nha Trang, UBND thị xã Ninh Hòa tổ chức diễn tập.",
        "Khánh Hòa",
        {
            ("Bộ Chỉ huy Quân sự tỉnh", "lead"),
            ("Bộ Tư lệnh Vùng 4 Hải quân", "coordinate"),
            ("Cảng vụ Hàng hải Nha Trang", "coordinate"),
            ("UBND thị xã Ninh Hòa", "coordinate"),
        },
        set(),
    ),
    (  # a city's bodies; the abbreviated Văn phòng Đoàn ĐBQH và HĐND (Đà Nẵng style)
        "5. Sở Nội vụ chủ trì, phối hợp với Văn phòng Đoàn ĐBQH và HĐND thành phố, Viện "
        "Nghiên cứu phát triển kinh tế - xã hội thành phố xây dựng đề án.\n"
        "6. Trung tâm Truyền thông thành phố tăng cường thông tin.",
        "Đà Nẵng",
        {
            ("Sở Nội vụ", "lead"),
            ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố", "coordinate"),
            ("Viện Nghiên cứu phát triển kinh tế - xã hội thành phố", "coordinate"),
            ("Trung tâm Truyền thông thành phố", "lead"),
        },
        set(),
    ),
    (  # a passive clause's subject is acted on, it is not assigned
        "Trung tâm Hội nghị tỉnh được đầu tư nâng cấp. Sở Y tế được giao chủ trì thẩm định.",
        "Quảng Bình",
        {("Sở Y tế", "lead")},
        {("Trung tâm Hội nghị tỉnh", "lead")},
    ),
    (  # a subject after an opening phrase, its verb after "theo chức năng, nhiệm vụ"
        # (a Government resolution of 2026)
        "1. Trên cơ sở nội dung Chỉ thị số 49-CT/TW của Ban Bí thư, Ủy ban nhân dân các "
        "tỉnh, thành phố trực thuộc Trung ương theo chức năng, nhiệm vụ chủ trì, phối hợp "
        "tổ chức triển khai Chương trình hành động.",
        None,
        {("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "lead")},
        set(),
    ),
    (  # ... "được giao," before the verb (a ministry's programme, 2024: "Thủ trưởng các
        # đơn vị trực thuộc Bộ theo chức năng, nhiệm vụ được giao chịu trách nhiệm")
        "2. Trên cơ sở Chương trình này, Sở Tài chính theo chức năng, nhiệm vụ được giao, "
        "chủ trì bố trí kinh phí thực hiện.",
        "Lào Cai",
        {("Sở Tài chính", "lead")},
        set(),
    ),
    (  # the adverbial ending a clause, no verb after it: no subject
        "Việc cấp phép do Sở Xây dựng theo chức năng, nhiệm vụ, thẩm quyền và quy định "
        "của pháp luật.",
        "Lào Cai",
        set(),
        {("Sở Xây dựng", "lead")},
    ),
    (  # heads of the central bodies and of the provinces, an office's title wrapped over a
        # line (Government resolution of 2026: "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ
        # quan trực thuộc Chính phủ, Chủ \ntịch Ủy ban nhân dân các tỉnh ...")
        "3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan trực thuộc Chính phủ, Chủ \n"
        "tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương tập trung chỉ đạo "
        "thực hiện Chương trình hành động.",
        None,
        {("Các Bộ, ngành Trung ương", "lead"),
         ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "lead")},
        {("Chính phủ", "lead")},
    ),
    (  # a centrally-run city's plan (Hồ Chí Minh City, 2025; its 2010 directive writes the
        # same): "Thành phố" after a collective is its place, the list goes on
        "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, đoàn thể "
        "Thành phố, Ủy ban nhân dân phường, xã, đặc khu và các đơn vị có liên quan.",
        "Hồ Chí Minh",
        {("Sở Nội vụ", "lead"), ("Ủy ban nhân dân phường, xã, đặc khu", "coordinate"),
         ("Các cơ quan, đơn vị liên quan", "coordinate")},
        set(),
    ),
    (  # a field's value whose last name wraps past its line (Lai Châu plan of 2025: "Báo
        # và Phát thanh\nTruyền hình Lai Châu"; Bắc Ninh plan of 2025: "Sở\nTư pháp"): one
        # name, not its pieces
        "- Cơ quan thực hiện: Sở Tư pháp; Báo và Phát thanh\nTruyền hình Lai Châu và các sở, "
        "ngành có liên quan.",
        "Lai Châu",
        {("Sở Tư pháp", "lead"), ("Báo và Phát thanh, Truyền hình Lai Châu", "lead")},
        {("Báo", "lead"), ("Phát thanh", "lead")},
    ),
    (  # investors as a collective (Lào Cai notice 2026: "phối hợp với các chủ đầu tư hạ
        # tầng cụm công nghiệp"; Nghệ An plan 2025: "5. Các chủ đầu tư xây dựng và kinh
        # doanh hạ tầng Khu công nghiệp"), and a report wrapped over a line ("tổng hợp, báo
        # \ncáo Bộ Khoa học và Công nghệ")
        "2. Sở Công Thương chủ trì, phối hợp với các chủ đầu tư hạ tầng cụm công nghiệp đầu "
        "tư lưới điện; trước ngày 15/12 hàng năm tổng hợp, báo\ncáo Bộ Công Thương kết quả.",
        "Lào Cai",
        {("Sở Công Thương", "lead"), ("Các chủ đầu tư", "coordinate"),
         ("Bộ Công Thương", "report_hub")},
        set(),
    ),
    (  # difficulties "phản ánh (kịp thời) về X" are sent to X (a ministry's circular of
        # 2026: "phản ánh kịp thời về Bộ Nông nghiệp và Môi trường"; Hà Nội plan of 2025:
        # "kịp thời phản ánh về Ban Quản lý các khu công nghệ cao và khu công nghiệp")
        "3. Các doanh nghiệp triển khai hạ tầng; trong quá trình thực hiện nếu có vướng mắc, "
        "kịp thời phản ánh về Sở Khoa học và Công nghệ để tổng hợp.",
        "Hà Nội",
        {("Các doanh nghiệp", "lead"), ("Sở Khoa học và Công nghệ", "report_hub")},
        set(),
    ),
    (  # objects of a task are not assignees
        "4. Sở Tư pháp hướng dẫn các sở, ngành, địa phương rà soát văn bản; tham mưu "
        "UBND tỉnh công khai thủ tục hành chính.",
        "Quảng Trị",
        {("Sở Tư pháp", "lead")},
        {("Các sở, ban, ngành", "lead"), ("Các sở, ban, ngành", "coordinate")},
    ),
]


@pytest.mark.parametrize(("text", "province", "expected", "absent"), PHRASINGS)
def test_phrasing(
    text: str, province: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    pairs = _pairs(text, province)
    assert expected <= pairs, expected - pairs
    assert not (absent & pairs), absent & pairs


def test_assignments_name_their_task_and_span_the_original_text() -> None:
    original = "II. NHIỆM VỤ\n1. SởNgoại vụ\n- Phối hợp với Bộ Ngoạigiao bảo hộ ngư dân.\n"
    norm = normalize(original)
    assignments, tasks = extract_responsibilities(norm, _subject("Quảng Ngãi"))
    task_ids = {t.id for t in tasks}
    assert assignments
    for a in assignments:
        assert a.task in task_ids
        assert original[a.start : a.end] == a.raw
    coordinate = [a for a in assignments if a.role == "coordinate"]
    assert [a.agency for a in coordinate] == ["Bộ Ngoại giao"]
    assert "Bộ Ngoạigiao" in coordinate[0].raw
    (bullet,) = [t for t in tasks if t.id == "II.1-1"]
    assert bullet.lead == ("Sở Ngoại vụ",) and bullet.coordinate == ("Bộ Ngoại giao",)
    assert not bullet.table


def test_task_deadline_from_text() -> None:
    text = (
        "b) Cải thiện môi trường đầu tư:\n- Giao Sở Kế hoạch và Đầu tư chủ trì thực hiện phân "
        "tích, đánh giá Chỉ số PCI, báo cáo UBND tỉnh trong quý II/2017.\n"
    )
    _, tasks = extract_responsibilities(normalize(text), _subject("Thanh Hóa"))
    (task,) = [t for t in tasks if "Sở Kế hoạch và Đầu tư" in t.lead]
    assert task.deadline == "2017-06-30"
    assert task.deadline_raw == "quý II/2017"


# --- golden files: the sample corpus ------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden" / "responsibilities"
SEEDS = resources.files("vbgraph") / "data" / "seeds"


def _extract_seed(name: str) -> dict[str, object]:
    golden = json.loads((GOLDEN / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
    text = (SEEDS / name).read_text(encoding="utf-8")
    subject = DocInfo.from_json(golden["document"])
    assignments, tasks = extract_responsibilities(normalize(text), subject)
    return {
        "document": golden["document"],
        "assignments": sorted({(a.agency, a.province or "", a.role) for a in assignments}),
        "tasks": sorted(
            (t.id, sorted(t.lead), sorted(t.coordinate), t.deadline, t.recurring)
            for t in tasks
            if t.table
        ),
    }


def _golden_names() -> list[str]:
    return sorted(p.name.replace(".json", ".txt") for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("name", _golden_names())
def test_golden(name: str) -> None:
    """Extraction of each sample document equals its golden file.

    Regenerate after a deliberate change with ``VBGRAPH_UPDATE_GOLDEN=1``.
    """
    got = _extract_seed(name)
    path = GOLDEN / name.replace(".txt", ".json")
    if os.environ.get("VBGRAPH_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert [list(x) for x in got["assignments"]] == want["assignments"]  # type: ignore[attr-defined]
    assert json.loads(json.dumps(got["tasks"])) == want["tasks"]


@pytest.mark.parametrize("name", _golden_names())
def test_against_the_gold_annotations(name: str) -> None:
    shared_gold = require_shared("gold", "seeds")
    gold = json.loads((shared_gold / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
    text = (SEEDS / name).read_text(encoding="utf-8")
    assignments, tasks = extract_responsibilities(
        normalize(text), DocInfo.from_json(gold["document"])
    )
    predicted = {
        "assignments": [a.to_json() for a in assignments],
        "tasks": [t.to_json() for t in tasks],
    }
    assert score_assignments(gold, predicted)["f1"] >= 0.9
    if gold["tasks"]:
        assert score_tasks(gold, predicted)["accuracy"] >= 0.9


def _issued(text: str, province: str | None, issuer: str) -> set[tuple[str, str]]:
    subject = DocInfo(symbol="1/NQ", key="1/NQ|x|2024", issuer=issuer, province=province)
    assignments, _ = extract_responsibilities(normalize(text), subject)
    return {(a.agency, a.role) for a in assignments}


# (excerpt, province, issuer, expected pairs, pairs that must be absent): phrasings of
# city plans, People's Council resolutions, Party directives and ministries' plans.
ISSUED_PHRASINGS = [
    (  # a centrally-run city named in full, its bodies with capital "Thành phố"
        "3. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng UBND Thành "
        "phố, Đài Tiếng nói Nhân dân Thành phố, Báo Người Lao Động thông tin rộng rãi.\n"
        "4. Đề nghị Hội đồng nhân dân Thành phố và Ủy ban MTTQ Việt Nam Thành phố giám sát.",
        "Thành phố Hồ Chí Minh",
        "UBND Thành phố Hồ Chí Minh",
        {
            ("Sở Thông tin và Truyền thông", "lead"),
            ("Văn phòng UBND thành phố", "coordinate"),
            ("Đài Tiếng nói Nhân dân thành phố", "coordinate"),
            ("Báo Người Lao Động", "coordinate"),
            ("Hội đồng nhân dân thành phố", "requested"),
            ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "requested"),
        },
        set(),
    ),
    (  # a named district and "the other districts" of a city
        "2. Chủ tịch UBND quận Hải Châu và các quận, huyện chủ động xây dựng kế hoạch.",
        "Đà Nẵng",
        "UBND thành phố Đà Nẵng",
        {("UBND các huyện, thị xã, thành phố", "lead")},
        set(),
    ),
    (  # a province's capital city is an agency, not the issuing committee
        "5. Sở Du lịch chủ trì, phối hợp với UBND thành phố Vinh tổ chức lễ hội.",
        "Nghệ An",
        "UBND tỉnh Nghệ An",
        {("UBND thành phố Vinh", "coordinate")},
        set(),
    ),
    (  # the Party groups of mass organisations, every item of the list (Tỉnh ủy style)
        "6. Đảng đoàn Hội Cựu chiến binh tỉnh, Ban Thường vụ Tỉnh đoàn, Đảng đoàn Hội "
        "Nông dân tỉnh lãnh đạo tổ chức mình quán triệt Chỉ thị; phối hợp với Đảng đoàn "
        "Liên đoàn Lao động tỉnh vận động đoàn viên.",
        "Hà Tĩnh",
        "Ban Thường vụ Tỉnh ủy",
        {
            ("Đảng đoàn Hội Cựu chiến binh tỉnh", "lead"),
            ("Tỉnh Đoàn", "lead"),
            ("Đảng đoàn Hội Nông dân tỉnh", "lead"),
            ("Đảng đoàn Liên đoàn Lao động tỉnh", "coordinate"),
        },
        {("Hội Nông dân tỉnh", "lead"), ("Liên đoàn Lao động tỉnh", "coordinate")},
    ),
    (  # a bullet under the agency's heading: monitoring with the plan understood
        "1. Sở Kế hoạch và Đầu tư\n- Chủ trì tổng hợp nhu cầu vốn.\n"
        "- Theo dõi, đôn đốc, kiểm tra việc thực hiện; báo cáo UBND tỉnh.",
        "Quảng Trị",
        "UBND tỉnh Quảng Trị",
        {("Sở Kế hoạch và Đầu tư", "lead"), ("Sở Kế hoạch và Đầu tư", "monitor")},
        set(),
    ),
    (  # "X phối hợp <verb>" helps the item's lead; "X phối hợp với Y <verb>" acts
        "2. Sở Xây dựng chủ trì lập quy hoạch; Sở Tài chính phối hợp bố trí kinh phí.\n"
        "3. Sở Công Thương phối hợp chặt chẽ với Công an tỉnh kiểm tra thị trường.",
        "Bình Định",
        "UBND tỉnh Bình Định",
        {
            ("Sở Xây dựng", "lead"),
            ("Sở Tài chính", "coordinate"),
            ("Sở Công Thương", "lead"),
            ("Công an tỉnh", "coordinate"),
        },
        {("Sở Tài chính", "lead")},
    ),
    (  # a People's Council resolution: its Committee carries it out, its bodies oversee
        "Điều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị "
        "quyết này.\n2. Giao Thường trực HĐND tỉnh, các Ban HĐND tỉnh giám sát việc thực "
        "hiện Nghị quyết này.",
        "Quảng Nam",
        "HĐND tỉnh Quảng Nam",
        {
            ("UBND tỉnh", "lead"),
            ("Thường trực Hội đồng nhân dân tỉnh", "monitor"),
            ("Các Ban của Hội đồng nhân dân tỉnh", "monitor"),
        },
        {("Thường trực Hội đồng nhân dân tỉnh", "lead"), ("Hội đồng nhân dân tỉnh", "lead")},
    ),
    (  # the Committee's own plan does not assign the Committee; reports still go to it
        "Các sở, ngành định kỳ báo cáo UBND tỉnh. Giao UBND tỉnh chỉ đạo thực hiện.",
        "Quảng Nam",
        "UBND tỉnh Quảng Nam",
        {("UBND tỉnh", "report_hub")},
        {("UBND tỉnh", "lead")},
    ),
    (  # a ministry's units as one body; a central agency; a unit with a comma in its name
        "BỘ TƯ PHÁP\n\n1. Vụ Pháp luật dân sự - kinh tế chủ trì, phối hợp với các Vụ, Cục, "
        "đơn vị thuộc Bộ và Bảo hiểm xã hội Việt Nam rà soát văn bản.\n"
        "2. Báo cáo Bộ Y tế (qua Cục Quản lý Khám, chữa bệnh) kết quả thực hiện.",
        None,
        "Bộ trưởng Bộ Tư pháp",
        {
            ("Các đơn vị thuộc Bộ Tư pháp", "coordinate"),
            ("Bảo hiểm xã hội Việt Nam", "coordinate"),
            ("Cục Quản lý Khám, chữa bệnh (Bộ Y tế)", "report_hub"),
        },
        set(),
    ),
    (  # a task's field lines name its holders, persons by office included; an apposition
        # after a comma is no holder; the deadline is the field's
        "1. Tổ chức hội nghị hiệp thương lần thứ nhất.\n"
        "- Thời gian hoàn thành: Quý I/2026.\n"
        "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, phụ trách công tác dân vận\n"
        "- Đơn vị phối hợp: Các đ/c Phó Chủ tịch, Trưởng thôn.\n",
        None,
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh",
        {("Phó Chủ tịch Thường trực", "lead"), ("Phó Chủ tịch", "coordinate"),
         ("Trưởng thôn", "coordinate")},
        {("Phụ trách công tác dân vận", "lead")},
    ),
    (  # a Party committee of a body is not the body; a field's value goes on after ";"
        "3.1. Tăng cường công tác tuyên truyền.\n"
        "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân\ntỉnh; các cấp ủy, tổ chức đảng.\n",
        "Lào Cai",
        "Tỉnh ủy Lào Cai",
        {("Đảng ủy UBND tỉnh", "lead"), ("Các cấp ủy, tổ chức đảng", "lead")},
        {("UBND tỉnh", "lead")},
    ),
    (  # bodies of a commune by their level, not the province's body the gazetteer knows
        "2. Phối hợp với UBND xã, Công an xã tổ chức hội nghị cử tri.",
        None,
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh",
        {("UBND xã", "coordinate"), ("Công an xã", "coordinate")},
        {("Công an tỉnh", "coordinate")},
    ),
    (  # an item that only names a body heads its items, which are its tasks; the addressee
        # list's lines are no tasks
        "2. Sở Tài chính\n- Bố trí kinh phí thực hiện.\n- Hướng dẫn thanh quyết toán.\n"
        "Nơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n",
        "Lào Cai",
        "UBND tỉnh Lào Cai",
        {("Sở Tài chính", "lead")},
        {("Sở Y tế", "lead")},
    ),
    (  # an item held by a person named by office; electing deputies is no task of the
        # National Assembly; a slogan is no task
        "1. Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban: Trực tiếp chỉ đạo "
        "công tác tuyên truyền bầu cử đại biểu Quốc hội khóa XVI.\n"
        "2. Quốc hội Việt Nam - Cơ quan đại biểu cao nhất của Nhân dân!\n",
        None,
        "Tiểu ban Tuyên truyền xã Phố Bảng",
        {("Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban", "lead")},
        {("Quốc hội", "lead"), ("Phòng Văn hóa - Xã hội", "lead")},
    ),
    (  # a sentence announcing the tasks after it gives none itself; a bullet naming only
        # agencies and a colon heads the bullets after it
        "UBND tỉnh yêu cầu các sở, ban, ngành thực hiện tốt các nhiệm vụ sau:\n"
        "- Ủy ban nhân dân các huyện, thành phố:\n"
        "- Quản lý đối tượng bảo trợ xã hội trên địa bàn.\n"
        "- Hướng dẫn, kiểm tra, giám sát cấp xã.\n",
        "Tuyên Quang",
        "UBND tỉnh Tuyên Quang",
        {("UBND các huyện, thị xã, thành phố", "lead")},
        {("Các sở, ban, ngành", "lead")},
    ),
    (  # a minister's authority line names the ministry its units belong to; a line listing
        # members assigns nothing; "làm" ends a unit's name
        "BỘ TRƯỞNG BỘ CÔNG THƯƠNG\n"
        "Căn cứ Nghị định số 189/2007/NĐ-CP ngày 27/12/2007 của Chính phủ;\n"
        "Điều 1. Tiểu ban nội dung do Vụ trưởng Vụ Chính sách thương mại đa biên làm Trưởng "
        "Tiểu ban.\nThành viên của Tiểu ban gồm đại diện các đơn vị: Vụ Tài chính, Văn phòng Bộ.\n"
        "Tiểu ban phối hợp với Vụ Hợp tác quốc tế xây dựng chương trình nghị sự.\n",
        None,
        "Bộ trưởng Bộ Công Thương",
        {("Vụ Hợp tác quốc tế (Bộ Công Thương)", "coordinate")},
        {("Vụ Tài chính (Bộ Công Thương)", "lead"), ("Văn phòng Bộ (Bộ Công Thương)", "lead")},
    ),
    (  # the execution clause names another article on the way; a heading of ministers and
        # chairpersons stands for their bodies
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các "
        "tỉnh, thành phố:\na) Xây dựng kế hoạch chi tiết.\n"
        "Điều 7. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ và các thành viên quy định tại\n"
        "Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n",
        None,
        "Thủ tướng Chính phủ",
        {("Các Bộ, ngành Trung ương", "lead"), ("Ủy ban nhân dân các tỉnh, thành phố", "lead")},
        set(),
    ),
    (  # a heading with the cue that gives its items: "Đề nghị X" requests each item; those
        # a rule binds are named by what they do
        "1. Yêu cầu các tổ chức, cá nhân được cấp giấy phép khai thác khoáng sản nghiêm túc "
        "thực hiện.\n2. Đề nghị UBND các xã, phường\n- Tăng cường kiểm tra, giám sát.\n"
        "- Thường xuyên trao đổi thông tin với Sở.\n",
        "Lào Cai",
        "Sở Nông nghiệp và Môi trường tỉnh Lào Cai",
        {("Các tổ chức, cá nhân được cấp giấy phép khai thác khoáng sản", "lead"),
         ("UBND các xã, phường", "requested")},
        {("UBND các xã, phường", "lead")},
    ),
    (  # an announcing sentence wrapped across lines by the PDF's layout (Lào Cai CV 7103
        # of 2026; Sở NN&MT CV 6987 of 2026 "đề nghị Công ty thực hiện đầy đủ các\nnội dung
        # sau:") gives no task itself
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, địa phương, cơ quan,\n"
        "đơn vị, doanh nghiệp nghiêm túc triển khai thực hiện các nội dung sau:\n"
        "1. Sở Tài chính chủ trì hướng dẫn việc quản lý tài sản.\n"
        "Sở Nông nghiệp và Môi trường đề nghị các tổ chức, cá nhân khai thác khoáng sản "
        "thực hiện đầy đủ các\nnội dung sau:\n2. Sở Xây dựng kiểm tra định kỳ.\n",
        "Lào Cai",
        "UBND tỉnh Lào Cai",
        {("Sở Tài chính", "lead"), ("Sở Xây dựng", "lead")},
        {("Các sở, ban, ngành", "lead"),
         ("Các tổ chức, cá nhân khai thác khoáng sản", "lead")},
    ),
    (  # an item that opens with a body of its own is that body's, not its heading's: the
        # members listed under a collective heading, a department under "Các cơ quan báo chí"
        "2. Các sở quản lý nhà nước chuyên ngành về hạ tầng\n"
        "- Sở Công Thương (đối với tài sản kết cấu hạ tầng cụm công nghiệp);\n"
        "- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị).\n"
        "3. Các cơ quan báo chí\n- Báo Lào Cai chủ trì mở chuyên mục tuyên truyền.\n"
        "- Tăng cường thời lượng phát sóng.\n",
        "Lào Cai",
        "UBND tỉnh Lào Cai",
        {("Sở Công Thương", "lead"), ("Sở Xây dựng", "lead"), ("Báo Lào Cai", "lead")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "province", "issuer", "expected", "absent"), ISSUED_PHRASINGS)
def test_issued_phrasing(
    text: str,
    province: str | None,
    issuer: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    pairs = _issued(text, province, issuer)
    assert expected <= pairs, (expected - pairs, pairs)
    assert not (absent & pairs), absent & pairs


def test_indexed_lookups_match_plain_scans() -> None:
    """Mention range queries and the prefiltered monitor-cue search give a plain scan's."""
    from vbgraph.loaders.relate.responsibilities import _Extractor
    from vbgraph.loaders.relate.roles import MONITOR as _MONITOR

    text = (
        "1. Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư theo dõi, đôn đốc "
        "việc thực hiện Kế hoạch này; kiểm tra, giám sát việc triển khai Quyết định.\n"
        "2. Sở Y tế, Sở Giáo dục và Đào tạo theo dõi việc thực hiện.\n"
    )
    ex = _Extractor(normalize(text), DocInfo(symbol="", key="x", province="Quảng Ngãi"))
    assert ex.mentions
    n = len(text)
    for a in range(0, n, 7):
        for b in range(a, n + 1, 11):
            inside = [m for m in ex.mentions if a <= m.start and m.end <= b]
            overlapping = [m for m in ex.mentions if m.start < b and m.end > a]
            assert ex.index.inside(a, b) == inside
            assert ex.index.overlapping(a, b) == overlapping
            plain = [m.span() for m in _MONITOR.regex.finditer(ex.folded, a, b)]
            assert [m.span() for m in _MONITOR.finditer(ex.folded, a, b)] == plain


def test_the_execution_clause_assigns_nothing_whatever_article_it_names() -> None:
    text = (
        "Điều 7. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ và các thành viên quy định tại\n"
        "Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    subject = DocInfo(symbol="798/QĐ-TTg", key="798/QĐ-TTg|VN|2026", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert not assignments


def test_an_item_naming_only_a_body_is_no_task_of_its_own() -> None:
    text = "2. Sở Tài chính\n- Bố trí kinh phí thực hiện.\n- Hướng dẫn thanh quyết toán.\n"
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Lào Cai|2026", province="Lào Cai")
    assignments, tasks = extract_responsibilities(normalize(text), subject)
    assert {(a.agency, a.task) for a in assignments} == {
        ("Sở Tài chính", "2-1"),
        ("Sở Tài chính", "2-2"),
    }
    assert {t.id for t in tasks} == {"2-1", "2-2"}


def test_an_item_opening_with_its_own_body_does_not_inherit_its_heading() -> None:
    # the members listed under a collective heading (Lào Cai CV 7103 of 2026), a newspaper
    # under "Các cơ quan báo chí" that leads its bullet while the next bullet inherits
    text = (
        "2. Các sở quản lý nhà nước chuyên ngành về hạ tầng\n"
        "- Sở Công Thương (đối với tài sản kết cấu hạ tầng cụm công nghiệp);\n"
        "- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị).\n"
        "3. Các cơ quan báo chí\n- Báo Lào Cai chủ trì mở chuyên mục tuyên truyền.\n"
        "- Tăng cường thời lượng phát sóng.\n"
    )
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Lào Cai|2026", province="Lào Cai")
    _, tasks = extract_responsibilities(normalize(text), subject)
    leads = {t.id: t.lead for t in tasks}
    assert leads["2-1"] == ("Sở Công Thương",)
    assert leads["2-2"] == ("Sở Xây dựng",)
    assert leads["3-1"] == ("Báo Lào Cai",)
    assert leads["3-2"] == ("Các cơ quan báo chí",)


@pytest.mark.parametrize(
    ("text", "heads", "task_ids"),
    [
        (  # a decision delegating powers (Lào Cai, 2025): the office heads its points
            "2. Giám đốc Sở Công Thương:\na) Thực hiện đúng nhiệm vụ được ủy quyền.\n"
            "b) Định kỳ hằng năm báo cáo Ủy ban nhân dân tỉnh.\n",
            "Sở Công Thương",
            {"2.a", "2.b"},
        ),
        (  # a chairperson of a level heads the bullets after a colon
            "3. Chủ tịch Ủy ban nhân dân các xã, phường:\n- Rà soát tài sản trên địa bàn.\n"
            "- Báo cáo kết quả rà soát.\n",
            "Ủy ban nhân dân các xã, phường",
            {"3-1", "3-2"},
        ),
        (  # "Trách nhiệm (chung) của X" heads X's tasks (Lào Cai CV 5973 of 2026; a
            # decision on industrial clusters, "1. Trách nhiệm của Sở Xây dựng:")
            "1. Trách nhiệm chung của các cơ quan, đơn vị\n- Lãnh đạo, chỉ đạo thực hiện "
            "nghiêm các quy định.\n- Thực hiện thanh tra, kiểm tra có trọng tâm.\n",
            "Các cơ quan, đơn vị",
            {"1-1", "1-2"},
        ),
        (
            "2. Trách nhiệm của Sở Xây dựng:\na) Hướng dẫn thủ tục cấp phép.\n"
            "b) Kiểm tra công tác quản lý quy hoạch.\n",
            "Sở Xây dựng",
            {"2.a", "2.b"},
        ),
    ],
)
def test_a_heading_may_name_its_holder_by_office_or_label(text: str, heads: str,
                                                 task_ids: set[str]) -> None:
    subject = DocInfo(symbol="1/QĐ-UBND", key="1/QĐ-UBND|Lào Cai|2025", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    leads = {a.task for a in assignments if a.role == "lead" and heads in a.agency}
    assert leads == task_ids


def test_a_heading_that_gives_roles_is_a_task() -> None:
    # "Đề nghị Thủ trưởng các đơn vị chủ trì, phối hợp với X:" (Bộ Y tế CV 627 of 2021)
    text = ("a) Đề nghị Thủ trưởng các đơn vị chủ trì, phối hợp với BHXH tỉnh, thành phố:\n"
            "- Thường xuyên tổ chức quán triệt đến cán bộ, viên chức.\n")
    subject = DocInfo(symbol="627/BYT-BH", key="627/BYT-BH|VN|2021", issuer="Bộ Y tế")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert ("BHXH tỉnh, thành phố", "coordinate") in {(a.agency, a.role) for a in assignments}


@pytest.mark.parametrize(
    ("text", "monitors"),
    [
        (  # a Party programme (Lào Cai Tỉnh ủy, 2026): the item under a heading monitors
            "2. Đảng ủy Ủy ban nhân dân tỉnh\n- Thường xuyên lãnh đạo, chỉ đạo kiểm tra, "
            "giám sát, theo dõi, đôn đốc việc tổ chức thực hiện.\n",
            {"Đảng ủy UBND tỉnh"},
        ),
        (  # a subject whose predicate opens with following and urging (a decision of the
            # Prime Minister, 2026: "Hướng dẫn, theo dõi, đôn đốc, kiểm tra việc thực hiện")
            "1. Bộ Ngoại giao chủ trì hướng dẫn, theo dõi, đôn đốc, kiểm tra việc thực hiện.\n",
            {"Bộ Ngoại giao"},
        ),
        (  # leading the following and urging is monitoring (Lào Cai plan of 2026: "1. Sở
            # Công Thương\n- Chủ trì theo dõi, đôn đốc các chủ đầu tư ..."; Đắk Lắk Chỉ thị and
            # VPCP notice of 2025: "Giao Sở Tài chính chủ trì theo dõi, tổng hợp các khó khăn",
            # "Bộ Xây dựng tiếp tục chủ trì theo dõi, tổng hợp, đôn đốc các địa phương")
            "1. Sở Công Thương\n- Chủ trì theo dõi, đôn đốc các chủ đầu tư hạ tầng cụm công "
            "nghiệp đẩy nhanh giải phóng mặt bằng.\n",
            {"Sở Công Thương"},
        ),
        (  # enforcing is no monitoring: "giám sát, xử lý vi phạm"
            "3. Sở Công Thương\n- Tăng cường kiểm tra, giám sát, xử lý vi phạm về kinh doanh.\n",
            set(),
        ),
    ],
)
def test_a_task_of_following_and_urging_is_monitoring(text: str, monitors: set[str]) -> None:
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Lào Cai|2026", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {a.agency for a in assignments if a.role == "monitor"} == monitors


@pytest.mark.parametrize(
    ("text", "province", "monitors"),
    [
        (  # a clause of its own after ";" (Lào Cai Sở Công Thương plan of 2026)
            "V. TỔ CHỨC THỰC HIỆN\n1. Phòng Quản lý Công nghiệp: Là đầu mối chủ trì tham mưu "
            "thực hiện các nhiệm vụ về tái cơ cấu ngành công nghiệp, phát triển KCN, CCN, nâng "
            "cao năng lực khoa học công nghệ. Chủ trì xây dựng kế hoạch hàng năm cụ thể hóa "
            "từng nhiệm vụ của Kế hoạch này; theo dõi, tổng hợp tình hình thực hiện các nhiệm "
            "vụ phát triển công nghiệp xanh.\n",
            "Lào Cai",
            {"Phòng Quản lý Công nghiệp"},
        ),
        (  # lead-ins before the verbs, the object on the next line (Bắc Ninh plan 144 of 2025)
            "1. Sở Khoa học và Công nghệ\n\nc) Triển khai các nhiệm vụ được\ngiao chủ trì tại "
            "Phụ lục của Kế hoạch; hướng dẫn, đôn đốc, kiểm tra tiến độ thực\nhiện các chỉ "
            "tiêu, nhiệm vụ, giải pháp của các cơ quan, đơn vị, địa phương. Tổng\nhợp, đánh "
            "giá kết quả thực hiện Kế hoạch hằng năm.\n",
            "Bắc Ninh",
            {"Sở Khoa học và Công nghệ"},
        ),
        (  # advising the committee to follow and urge (Đắk Lắk plan 0125 of 2025; Hồ Chí
            # Minh City plan 172 of 2025: "Tham mưu Ủy ban nhân dân Thành phố theo dõi, kiểm
            # tra, đôn đốc các sở, ban, ngành")
            "**6. Sở Nội vụ: **Tham mưu UBND\ntỉnh theo dõi, đôn đốc, hướng dẫn Sở, ban, "
            "ngành, Ủy ban Mặt trận Tổ quốc Việt\nNam tỉnh và các tổ chức chính trị - xã hội "
            "tỉnh;\n",
            "Đắk Lắk",
            {"Sở Nội vụ"},
        ),
        (  # a person by office (election sub-committee of Phố Bảng commune, plan of 2025)
            "IV. TỔ CHỨC THỰC HIỆN\n\n1. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: "
            "Phụ trách chung, chịu trách nhiệm trước Ủy ban bầu cử về kết quả triển khai, thực "
            "hiện các nội dung thông tin, tuyên truyền, khánh tiết; chủ động kiểm tra, đôn đốc "
            "các nội dung có liên quan đến công tác thông tin, tuyên truyền, khánh tiết; kịp "
            "thời báo cáo, đề xuất vấn đề phát sinh với Trưởng ban chỉ đạo Đại hội.\n",
            "Tuyên Quang",
            {"Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban"},
        ),
        (  # following how a system is used (Cần Thơ decision 2610/QĐ-UBND of 2025)
            "**Điều\n14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Có trách nhiệm chủ "
            "trì,\nphối hợp các cơ quan, đơn vị có liên quan tham mưu cải tiến Hệ thống ngày càng"
            "\nhiệu quả và phù hợp với các quy định hiện hành; tổ chức kiểm tra, theo dõi, đôn\n"
            "đốc việc sử dụng Hệ thống.\n",
            "Cần Thơ",
            {"Sở Khoa học và Công nghệ"},
        ),
        (  # helping the chairman to follow and urge (Lai Châu plan 7360/KH-UBND of 2025; Nghệ
            # An plan of 2025: "Bộ CHQS tỉnh có trách nhiệm tham mưu Ủy ban nhân dân tỉnh theo
            # dõi, hướng dẫn, kiểm tra, đôn đốc")
            "1. Sở Khoa học và Công nghệ\ncó trách nhiệm giúp Chủ tịch Ủy ban nhân dân tỉnh theo "
            "dõi, kiểm tra, đôn đốc\ncác Sở, ngành liên quan và Ủy ban nhân dân các xã, phường "
            "triển khai thực hiện\n",
            "Lai Châu",
            {"Sở Khoa học và Công nghệ"},
        ),
        (  # following a market, not who carries something out (Lào Cai UBND letter of 2026;
            # the holder's heading, then its item twenty lines on)
            "      5. Sở Xây dựng\n       - Đẩy mạnh công tác quản lý giá, công bố giá vật "
            "liệu xây dựng theo quy\nđịnh; thường xuyên theo dõi diễn biến cung cầu trên "
            "địa bàn, kịp thời tham mưu\n",
            "Lào Cai",
            set(),
        ),
    ],
)
def test_a_clause_of_following_and_urging_gives_its_subject_monitoring(
    text: str, province: str, monitors: set[str]
) -> None:
    assert {a for a, role in _pairs(text, province) if role == "monitor"} == monitors


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (  # an official letter (Lào Cai, 2026): "b) Hướng dẫn, đôn đốc ..." under the holder
            "2. Sở Xây dựng\nCó trách nhiệm:\na) Rà soát tài sản kết cấu hạ tầng.\n"
            "b) Hướng dẫn, đôn đốc các cơ quan, đơn vị được giao quản lý tài sản thực hiện "
            "việc lập hồ sơ.\n",
            {"monitor"},
        ),
        (  # a provincial plan (Đồng Tháp, 2025): "- Tăng cường công tác giám sát ..."
            "3. Sở Tài chính\n- Bố trí kinh phí.\n- Tăng cường công tác giám sát và kiểm tra "
            "để đảm bảo nguồn ngân sách được sử dụng đúng mục đích.\n",
            {"monitor"},
        ),
        (  # a Party programme (Lào Cai Tỉnh ủy, 2026): supervision is the item's function
            "3. Đảng ủy Hội đồng nhân dân tỉnh\n- Lãnh đạo ban hành chính sách.\n"
            "- Tăng cường hoạt động giám sát chuyên đề đối với việc chấp hành pháp luật.\n",
            {"monitor"},
        ),
        (  # inspecting is also carried out (Lào Cai UBND letter, 2026): lead and monitor
            "1. Sở Công Thương\n- Rà soát các mỏ.\n- Tăng cường kiểm tra, giám sát hoạt động "
            "nạo vét kết hợp thu hồi khoáng sản.\n",
            {"lead", "monitor"},
        ),
    ],
)
def test_a_sub_item_of_following_and_urging_gives_its_holder_monitoring_only(
    text: str, roles: set[str]
) -> None:
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Lào Cai|2026", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    second = sorted({a.task for a in assignments if a.task})[-1]
    assert {a.role for a in assignments if a.task == second} == roles


@pytest.mark.parametrize(
    ("text", "task", "leads"),
    [
        (  # a consolidated circular of the Ministry of Finance (VBHN 22/VBHN-BTC):
            # "2. Đối với Sở Y tế:" heads the items that are its duties
            "2. Đối với Sở Y tế:\na) Tổ chức kiểm tra việc sử dụng kinh phí.\n"
            "b) Chủ trì, phối hợp với BHXH cấp tỉnh kiểm tra việc quản lý.\n",
            "2.a",
            {"Sở Y tế"},
        ),
        (  # a Đồng Nai directive of 2009: an elliptical list after "Đối với", then an item
            # opening with only one of its bodies, which is that body's alone
            "4. Đối với các Sở: Xây dựng, Công Thương; UBND các huyện:\n"
            "a) Khi lập quy hoạch xây dựng phải đảm bảo tính đồng bộ.\n"
            "b) UBND các huyện quản lý chặt chẽ việc phát triển hạ tầng.\n",
            "4.b",
            {"UBND các huyện, thị xã, thành phố"},
        ),
        (
            "4. Đối với các Sở: Xây dựng, Công Thương; UBND các huyện:\n"
            "a) Khi lập quy hoạch xây dựng phải đảm bảo tính đồng bộ.\n"
            "b) UBND các huyện quản lý chặt chẽ việc phát triển hạ tầng.\n",
            "4.a",
            {"Sở Xây dựng", "Sở Công Thương", "UBND các huyện, thị xã, thành phố"},
        ),
        (  # criteria of an emulation (Nghệ An plan of 2025): the bodies named are judged
            "III. TIÊU CHÍ THI ĐUA\n1. Tiêu chí thi đua\na) Các sở, ban, ngành\n"
            "- Hoàn thành vượt mức các chỉ tiêu kế hoạch.\n",
            "III.1.a-1",
            set(),
        ),
        (  # "Giao X ..." opening an item that announces its tasks heads them as "X:" would
            # (Hồ Chí Minh City plan of 2025; the same form as "2. Giao Bộ Văn hoá, Thể thao
            # và Du lịch:" of a Government resolution of 2026)
            "V. TỔ CHỨC THỰC HIỆN\n1. Giao Sở\nNông nghiệp và Môi trường là cơ quan đầu mối, "
            "chủ trì, hướng dẫn thực hiện Đề án; tổ chức thực hiện các nhiệm vụ sau:\n"
            "- Điều phối chung việc triển khai Kế hoạch;\n"
            "- Nghiên cứu, ứng dụng khoa học công nghệ;\n",
            "V.1-2",
            {"Sở Nông nghiệp và Môi trường"},
        ),
    ],
)
def test_a_heading_for_bodies_gives_them_its_items(text: str, task: str, leads: set[str]) -> None:
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Đồng Nai|2025", province="Đồng Nai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {a.agency for a in assignments if a.role == "lead" and a.task == task} == leads


def test_a_section_of_aims_assigns_nothing_unless_it_gives_roles() -> None:
    # "I. MỤC ĐÍCH, YÊU CẦU" of a provincial plan (Đắk Lắk KH of 2025): the bodies its
    # items name are told what the plan is for, not given a task ...
    aims = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Động viên cán bộ, công chức.\n2. Yêu cầu\n"
            "a) Các sở, ban, ngành xác định đây là nhiệm vụ trọng tâm.\n"
            "II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì hướng dẫn khen thưởng.\n")
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Đắk Lắk|2025", province="Đắk Lắk")
    assignments, _ = extract_responsibilities(normalize(aims), subject)
    assert {(a.agency, a.role) for a in assignments} == {("Sở Nội vụ", "lead")}
    # ... unless they say who leads (a Kon Tum programme of 2020 whose next heading the
    # portal's running head hid: its tasks stand under "I. MỤC ĐÍCH, YÊU CẦU")
    hidden = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n1.2. Tuyên truyền pháp luật.\n"
              "- Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với các sở, ngành.\n")
    assignments, _ = extract_responsibilities(normalize(hidden), subject)
    assert ("Sở Tư pháp", "lead") in {(a.agency, a.role) for a in assignments}


def test_sections_of_who_is_covered_assign_nothing_but_demands_on_a_body_do() -> None:
    # an emulation plan (Đắk Lắk, 2025): who competes and how many may be proposed ...
    text = ("II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA\n1. Đối tượng thi đua\na) Tập thể: Các sở, ban, "
            "ngành; UBND các xã, phường.\nIV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG\na) Các cơ quan:\n"
            "- Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;\n"
            "V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì hướng dẫn khen thưởng.\n")
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Đắk Lắk|2025", province="Đắk Lắk")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {(a.agency, a.role) for a in assignments} == {("Sở Nội vụ", "lead")}
    # ... while "Yêu cầu đối với X" demands of X (a Lào Cai department's letter, 2025)
    demands = ("1. Yêu cầu đối với các tổ chức, cá nhân được cấp giấy phép khai thác khoáng "
               "sản\n1.1. Thực hiện nghiêm trách nhiệm báo cáo kết quả hoạt động khai thác.\n")
    assignments, _ = extract_responsibilities(normalize(demands), subject)
    assert any(a.role == "lead" and a.agency.startswith("Các tổ chức, cá nhân")
               for a in assignments)


def test_what_an_item_only_inherited_goes_no_further_down() -> None:
    # "2. Sở Tài chính" heads a) and b), its tasks; the bullets under a) are parts of a),
    # not tasks of their own (a provincial letter of 2026; a Party programme's bullets)
    text = ("2. Sở Tài chính\na) Hướng dẫn quản lý tài sản:\n- Lập hồ sơ tài sản;\n"
            "- Kê khai dữ liệu.\nb) Tổng hợp báo cáo kết quả.\n")
    subject = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Lào Cai|2026", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {a.task for a in assignments if a.agency == "Sở Tài chính"} == {"2.a", "2.b"}


def test_an_office_wrapped_onto_the_next_line_of_a_membership_list_is_no_task() -> None:
    # a Prime Minister's decision setting up a steering committee (QĐ 798/QĐ-TTg, 2026)
    text = ("3. Các ủy viên:\n- Bộ trưởng Bộ Y tế;\n- Phó Chủ tịch Uỷ ban Trung ương Mặt trận "
            "tổ quốc Việt Nam, Chủ tịch \nTổng Liên đoàn lao động Việt Nam;\n"
            "- 01 Thứ trưởng Bộ Tài chính.\n")
    subject = DocInfo(symbol="798/QĐ-TTg", key="798/QĐ-TTg|VN|2026", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert not assignments


@pytest.mark.parametrize("text", [
    # a ministry's programme (Bộ TN&MT, 2024) and a commune Front's plan (Lương Minh, 2025):
    # "(các) đồng chí" before an office that leads
    "1. Các đồng chí Lãnh đạo Bộ theo lĩnh vực công tác chịu trách nhiệm chỉ đạo triển khai.",
    "1. Đồng chí Lãnh đạo Bộ phụ trách chịu trách nhiệm chỉ đạo triển khai.",
])
def test_comrades_before_an_office_are_its_title(text: str) -> None:
    subject = DocInfo(symbol="59/QĐ-BTNMT", key="59/QĐ-BTNMT|VN|2024",
                      issuer="Bộ trưởng Bộ Tài nguyên và Môi trường")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert ("Lãnh đạo Bộ", "lead") in {(a.agency, a.role) for a in assignments}


def test_the_signature_block_assigns_nothing() -> None:
    # the signature of a Government resolution (NQ 15/NQ-CP, 2026) and of a province's
    # decision: who signs is given no task
    text = ("Điều 2. Tổ chức thực hiện\n5. Bộ Y tế chịu trách nhiệm về việc tổng hợp số "
            "liệu./. \n \nTM. CHÍNH PHỦ \nKT. THỦ TƯỚNG \nPHÓ THỦ TƯỚNG  \n \n"
            "Phạm Thị Thanh Trà \n")
    subject = DocInfo(symbol="15/NQ-CP", key="15/NQ-CP|VN|2026", issuer="Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {(a.agency, a.role) for a in assignments} == {("Bộ Y tế", "lead")}


@pytest.mark.parametrize(
    "layout",
    [
        # a letter as a legal portal's page keeps it (Hồ Chí Minh City, 2025): the label
        # and the list in table cells, bars on lines of their own
        "**Kính gửi:**\n|\n- Công an Thành phố;\n- Sở Xây dựng;\n- Sở Nông nghiệp và Môi "
        "trường.\n|\n",
        # the same list as a letter's text has it (Lào Cai department, 2025)
        "Kính gửi:\n- Công an Thành phố;\n- Sở Xây dựng;\n- Sở Nông nghiệp và Môi trường.\n\n",
    ],
)
def test_addressees_are_no_assignees_whatever_the_layout(layout: str) -> None:
    text = layout + (
        "Xét đề xuất của Sở Xây dựng, Chủ tịch có ý kiến như sau:\n"
        "1.1. Giao Sở Tài chính bố trí kinh phí.\n"
    )
    subject = DocInfo(symbol="4085/UBND-ĐT", key="4085/UBND-ĐT|Hồ Chí Minh|2025",
                      province="Thành phố Hồ Chí Minh")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert {(a.agency, a.role) for a in assignments} == {("Sở Tài chính", "lead")}


def test_a_list_only_named_as_a_clauses_value_is_given_nothing() -> None:
    # a department's letter (Lào Cai, 2025): where reports are filed, by licence; the
    # bodies after the colon are named, no verb gives them anything ...
    named = ("a) Đối với giấy phép thuộc thẩm quyền cấp của Bộ Nông nghiệp và Môi trường: "
             "Cục Địa chất và Khoáng sản Việt Nam, Bộ Công Thương;\n")
    subject = DocInfo(symbol="5141/SNNMT-KS", key="5141/SNNMT-KS|Lào Cai|2025", province="Lào Cai")
    assert {a.role for a in extract_responsibilities(normalize(named), subject)[0]} == set()
    # ... unlike a field naming who leads (Bắc Ninh plan, 2025: "Đơn vị chủ trì tham mưu
    # thực hiện: Sở Khoa học và Công nghệ.")
    field = ("- Ra mắt AI pháp luật hỗ trợ cán bộ.\n"
             "Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ.\n")
    pairs = {(a.agency, a.role) for a in extract_responsibilities(normalize(field), subject)[0]}
    assert ("Sở Khoa học và Công nghệ", "lead") in pairs


def test_an_item_whose_label_is_followed_by_its_own_subject_does_not_inherit() -> None:
    # an official letter (Lào Cai UBND, 2026), an excerpt as its text layer has it: the
    # report schedule under "a) Các sở, ban, ngành; ... khẩn trương tổ chức triển khai"
    # names who files and who sums up in each "-" line
    text = (
        "7. Tổ chức thực hiện\n"
        "       a) Các sở, ban, ngành; Ủy ban nhân dân các xã, phường; các cơ quan, đơn\n"
        "vị và doanh nghiệp, căn cứ chức năng, nhiệm vụ được giao khẩn trương tổ chức\n"
        "triển khai thực hiện; hoàn thành việc rà soát, thống kê tài sản.\n"
        "       Các sở quản lý chuyên ngành định kỳ tổng hợp báo cáo kết quả thực hiện\n"
        "việc rà soát gửi Sở Tài chính tổng hợp chung,\nbáo cáo Ủy ban nhân dân tỉnh như sau:\n"
        "      - Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7;\n"
        "Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7.\n"
        "      - Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12;\n"
        "Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12.\n"
    )
    subject = DocInfo(symbol="7103/UBND-KT", key="7103/UBND-KT|Lào Cai|2026", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    first = {(a.agency, a.role) for a in assignments if a.task == "7.a-1"}
    assert ("Các sở, ban, ngành", "lead") not in first
    assert ("Các cơ quan, đơn vị liên quan", "lead") in first


@pytest.mark.parametrize(
    ("closing", "assigned"),
    [
        (  # Lào Cai UBND letter of 2026
            "Yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã,\n"
            "phường; người đứng đầu các cơ quan, đơn vị, doanh nghiệp nghiêm túc tổ chức\n"
            "triển khai thực hiện./.\n",
            False,
        ),
        (  # Quảng Trị directive of 2025
            "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; "
            "Thủ trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ "
            "thị này./.\n",
            False,
        ),
        (  # a Party committee's letter (Lào Cai, 2026)
            "Đề nghị Ủy ban nhân dân tỉnh và các tổ chức đảng nghiêm túc triển khai thực hiện.\n",
            False,
        ),
        (  # the issuer as the subject, mid-line (Nghệ An plan of 2025; Hồ Chí Minh City
            # letter of 2025; Lào Cai notice of 2026, its office speaking)
            "Kết thúc đợt thi đua. Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai "
            "và thực hiện có hiệu quả các nội dung nêu trên.\n",
            False,
        ),
        (
            "Chủ tịch Ủy ban nhân dân Thành phố đề nghị các cơ quan, đơn vị khẩn trương, "
            "nghiêm túc triển khai thực hiện đầy đủ các nội dung chỉ đạo nêu trên theo thẩm "
            "quyền và quy định pháp luật.\n",
            False,
        ),
        (
            "Văn phòng Ủy ban nhân dân tỉnh thông báo và đề nghị Thủ trưởng các sở, ban, "
            "ngành, đơn vị, địa phương liên quan biết, nghiêm túc triển khai thực hiện./.\n",
            False,
        ),
        (  # ... after an adverbial (Lào Cai subcommittee plan of 2025)
            "Để công tác tuyên truyền đạt kết quả, đề nghị Thủ trưởng các cơ quan, đơn vị và cá "
            "nhân có liên quan nghiêm túc triển khai thực hiện.\n",
            False,
        ),
        (  # a task after all: the bodies asked to study something first (Cục Hóa chất
            # letter of 2026)
            "Cục Hóa chất đề nghị Sở Công Thương tỉnh Quảng Ngãi căn cứ các quy định trên, chủ "
            "động nghiên cứu các quy định hiện hành để thực hiện theo đúng quy định./.\n",
            True,
        ),
        (  # a task after all: a partner named (BHXH Việt Nam letter of 2021)
            "Đề nghị BHXH các tỉnh chủ động phối hợp với các cơ sở KCB BHYT triển khai thực "
            "hiện.\n",
            True,
        ),
        (  # ... or a work named (Quảng Ngãi decision of 2017)
            "Yêu cầu các Thủ trưởng các sở, ban, ngành tỉnh căn cứ chức năng, nhiệm vụ xây "
            "dựng kế hoạch và tổ chức triển khai thực hiện.\n",
            True,
        ),
    ],
)
def test_the_closing_exhortation_assigns_nothing(closing: str, assigned: bool) -> None:
    text = "2. Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n" + closing
    subject = DocInfo(symbol="1/CT-UBND", key="1/CT-UBND|Lào Cai|2026", province="Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    others = {a.agency for a in assignments} - {"Sở Tài chính"}
    assert bool(others) == assigned, others


@pytest.mark.parametrize(
    ("issuer_province", "requested"),
    [
        # a province's plan (Hà Nội, 2025; Cần Thơ, 2025): its own bodies asked to report
        # difficulties are not requested anything; the department hearing them is reported to
        ("Hà Nội", False),
        # a ministry's circular (2026) asks bodies outside its authority: requested
        (None, True),
    ],
)
def test_bodies_asked_to_report_difficulties(issuer_province: str | None,
                                             requested: bool) -> None:
    text = ("3. Sở Tài chính bố trí kinh phí.\nTrong quá trình thực hiện Kế hoạch, nếu có khó "
            "khăn, vướng mắc đề nghị các Sở, ban, ngành và các cơ quan, tổ chức có liên quan "
            "kịp thời phản ánh về Sở Khoa học và Công nghệ để tổng hợp.\n")
    subject = DocInfo(symbol="308/KH-UBND", key="x", province=issuer_province)
    pairs = {(a.agency, a.role) for a in extract_responsibilities(normalize(text), subject)[0]}
    assert ("Sở Khoa học và Công nghệ", "report_hub") in pairs
    assert (("Các sở, ban, ngành", "requested") in pairs) == requested


# --- where the body ends: appendices, the distribution list ---------------------------


def _tasks_of(text: str, province: str = "Thanh Hóa") -> dict[str | None, set[tuple[str, str]]]:
    subject = DocInfo(symbol="235/KH-UBND", key=f"235/KH-UBND|{province}|2025", province=province)
    assignments, _ = extract_responsibilities(normalize(text), subject)
    out: dict[str | None, set[tuple[str, str]]] = {}
    for a in assignments:
        out.setdefault(a.task, set()).add((a.agency, a.role))
    return out


@pytest.mark.parametrize(
    "appendix",
    [
        # Thanh Hóa plan of 2025: a portal page's table, one cell per line, rows numbered
        "**PHỤ LỤC I**\n\nĐỊA ĐIỂM QUAN TRẮC\n|\n1\n|\nCửa sông lạch Càn\n|\n2\n|\nxã Tân Tiến\n",
        # Lào Cai plan of 2026: "Phụ lục số 01:" with numbered lines
        "Phụ lục số 01:\n1. Cụm công nghiệp Bắc Duyên Hải.\n2. Cụm công nghiệp Đông Phố Mới.\n",
    ],
)
def test_an_appendix_is_not_the_last_heading_s(appendix: str) -> None:
    body = (
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính: bố trí kinh phí thực hiện.\n"
        "2. Các cơ sở nuôi trồng thủy sản:\n- Theo dõi môi trường tại cơ sở.\n"
        "- Ghi chép số liệu.\n"
    )
    tasks = _tasks_of(body + appendix)
    holders = {agency for pairs in tasks.values() for agency, _ in pairs}
    assert "Các cơ sở nuôi trồng thủy sản" in holders
    assert all(task is None or task.startswith(("IV.", "Phụ lục")) for task in tasks), tasks
    assert all(not str(task).startswith("IV.2-") or int(task.split("-")[1]) <= 2
               for task in tasks), tasks  # fmt: skip


def test_what_follows_the_distribution_list_inherits_nothing() -> None:
    # Hồ Chí Minh City letter of 2025 saved from a portal: the page's trailer of "-" lines
    # after the signature; Thanh Hóa plan of 2025: entries wrapped inside the list
    text = (
        "2. Giao Sở Nội vụ\n- Hướng dẫn các cơ quan cập nhật dữ liệu.\n"
        "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.\n|\nNơi nhận:\n"
        "- Bộ Nông nghiệp và Môi trường (để\nb/c);\n- Cục Thủy sản và Kiểm ngư;\n"
        "- Chi cục Chăn nuôi và Thú y;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\n"
        "Bạn vừa bị Đăng xuất khỏi Tài khoản .\n- Hiện tại có đủ người dùng cùng lúc.\n"
        "- Hỗ trợ: (028) 3930.3279\n"
    )
    tasks = _tasks_of(text, "Hồ Chí Minh")
    assert set(tasks) == {"2-1"}, tasks
    assert ("Sở Nội vụ", "lead") in tasks["2-1"]


@pytest.mark.parametrize(
    ("heading", "holder"),
    [
        # a heading that is a collective and the words saying which ones: named as written
        # (Thanh Hóa plan of 2025; Nghệ An plan of 2025; Lào Cai notice of 2026)
        ("4. Các cơ sở nuôi trồng thủy sản:\n", "Các cơ sở nuôi trồng thủy sản"),
        ("**4. Các doanh nghiệp viễn thông**\n\n", "Các doanh nghiệp viễn thông"),
        ("2. Các tổ chức thành viên của MTTQ xã\n", "Các tổ chức thành viên của MTTQ xã"),
        # a sentence keeps the grammar's reading (Nghệ An plan of 2025)
        ("4. Các cơ quan, đơn vị căn cứ thành tích để bình xét khen thưởng.\n",
         "Các cơ quan, đơn vị liên quan"),
    ],
)
def test_a_heading_names_its_collective_as_written(heading: str, holder: str) -> None:
    text = "IV. TỔ CHỨC THỰC HIỆN\n" + heading + "- Căn cứ kế hoạch này, xây dựng kế hoạch.\n"
    tasks = _tasks_of(text, "Nghệ An")
    holders = {agency for pairs in tasks.values() for agency, _ in pairs}
    assert holder in holders, holders


def test_the_head_of_bodies_is_given_their_tasks() -> None:
    # "người đứng đầu" (head of a body, the law's term) is a title before the bodies
    # (Hồ Chí Minh City letter of 2025: "1. Giao người đứng đầu các cơ quan chuyên môn ...";
    # Nghệ An plan of 2025: "người đứng đầu các cơ quan, đơn vị")
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Giao người đứng đầu các cơ quan, đơn vị tổ chức cập nhật "
            "cơ sở dữ liệu cán bộ, công chức.\n")
    assert ("Các cơ quan, đơn vị liên quan", "lead") in _tasks_of(text, "Hồ Chí Minh")["V.1"]


@pytest.mark.parametrize(
    "sentence",
    [
        # "do X chủ trì": who does a thing the sentence describes, not a task given
        # (Khánh Hòa ward plan of 2025; Đồng Nai plan of 2025; Bộ Công Thương decision of 2010)
        "- Tham gia các đoàn kiểm tra, giám sát công tác bầu cử do Thường trực HĐND phường "
        "và Ủy ban bầu cử phường chủ trì.\n",
        "c) Thực hiện các nội dung, nhiệm vụ các dự án, tiểu dự án do Bộ Công an chủ trì theo "
        "chức năng, nhiệm vụ được giao.\n",
        "- Chuẩn bị tài liệu cho các hội nghị kinh tế ASEAN do Bộ Công Thương chủ trì.\n",
    ],
)
def test_the_agent_of_a_described_thing_is_given_nothing(sentence: str) -> None:
    text = "V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n" + sentence
    given = {agency for pairs in _tasks_of(text, "Khánh Hòa").values() for agency, _ in pairs}
    assert given == {"Sở Nội vụ"}, given


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # a sentence opening with an adverbial, then its subject and a verb of obligation
        # (BHXH Việt Nam letter of 2021: "Đối với các cơ sở KCB ..., BHXH các tỉnh có văn
        # bản kiến nghị ...", "Để bảo đảm ..., BHXH các tỉnh có văn bản đề nghị ..."; Lai
        # Châu plan of 2025: "Đồng thời, các sở, ngành liên quan ... tiếp tục rà soát")
        ("- Đối với các cơ sở không thực hiện đúng Chỉ thị số 25/CT-BYT, vẫn kê thêm giường, "
         "Sở Y tế có văn bản kiến nghị xử lý vi phạm theo quy định.\n", "Sở Y tế"),
        ("- Để bảo đảm việc sử dụng kinh phí hợp lý, hiệu quả, Sở Tài chính có văn bản đề "
         "nghị các đơn vị xây dựng hướng dẫn.\n", "Sở Tài chính"),
        ("- Đồng thời, các sở, ngành liên quan tiếp tục rà soát văn bản.\n",
         "Các sở, ban, ngành"),
        # ... or "thì", and the words saying which bodies between the subject and its verb
        # (Quảng Ninh commune Front plan of 2026: "Đối với vụ việc ở nơi công tác thì cơ
        # quan, tổ chức, đơn vị trực tiếp quản lý người ứng cử có trách nhiệm xác minh")
        ("- Đối với vụ việc ở nơi công tác thì cơ quan, tổ chức, đơn vị trực tiếp quản lý "
         "người ứng cử có trách nhiệm xác minh và trả lời bằng văn bản.\n",
         "Các cơ quan, tổ chức, đơn vị"),
        ("- Đối với người tự ứng cử thì Sở Nội vụ có trách nhiệm phối hợp xác minh.\n",
         "Sở Nội vụ"),
    ],
)
def test_a_subject_after_an_opening_adverbial(sentence: str, holder: str) -> None:
    text = "V. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ chung\n" + sentence
    given = _pairs(text, "Lào Cai")
    assert (holder, "lead") in given, given


def test_a_narrated_sentence_after_an_adverbial_gives_nothing() -> None:
    # the same shape narrating what was done (Lào Cai resolution of 2025: "Trên cơ sở đó,
    # Ban Thường vụ Tỉnh ủy ban hành Nghị quyết ..."; "Trường hợp ..., Sở X đã ...")
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ chung\n- Đồng thời, Sở Công Thương thống nhất "
            "với chủ trương đầu tư dự án theo đề xuất của nhà đầu tư.\n")
    assert not _tasks_of(text, "Lào Cai")


def test_a_deadline_between_the_report_target_and_its_purpose() -> None:
    # "gửi X trước ngày ... để tổng hợp" (Bộ TN&MT programme of 2024; the same shape in
    # provincial plans: "gửi Sở Tài chính trước ngày 05/7"): X is reported to, and the
    # deadline is not part of X's name
    text = ("III. TỔ CHỨC THỰC HIỆN\n2. Thủ trưởng các đơn vị trực thuộc Bộ:\n2.3. Định kỳ hằng "
            "quý, tổng hợp tình hình thực hiện, gửi Văn phòng Bộ, Vụ Kế hoạch - Tài chính "
            "trước ngày 15 tháng cuối quý để tổng hợp, trình Bộ trưởng.\n")
    subject = DocInfo(symbol="59/QĐ-BTNMT", key="59/QĐ-BTNMT|VN|2024", province=None,
                      issuer="Bộ Tài nguyên và Môi trường")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    hubs = {a.agency for a in assignments if a.role == "report_hub"}
    assert any(name.startswith("Vụ Kế hoạch - Tài chính") and "trước" not in name
               for name in hubs), hubs  # fmt: skip


def test_bodies_named_by_their_kind_between_a_list_s_names() -> None:
    # "cơ quan, đơn vị" between the names of one list (Hồ Chí Minh City directive of 2010:
    # "Thủ trưởng các sở - ngành, cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các quận -
    # huyện ...:"; Lào Cai letter of 2026: "các sở, ngành, cơ quan, đơn vị và UBND các xã")
    text = ("I. NHIỆM VỤ\n2. Thủ trưởng các sở - ngành, cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân "
            "các quận - huyện:\na) Xây dựng kế hoạch phát động phong trào thi đua.\n")
    leads = {agency for agency, role in _tasks_of(text, "Hồ Chí Minh").get("I.2.a", set())
             if role == "lead"}  # fmt: skip
    assert leads == {"Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"}, leads


@pytest.mark.parametrize(
    "article",
    [
        # a regulation allocating competence: who decides or approves holds a power, not a
        # task (Huế decision of 2025 on public assets; the same form in decisions on
        # decentralisation: "Sở Tài chính quyết định xác lập quyền sở hữu toàn dân ...")
        "1. Chủ tịch Ủy ban nhân dân\nthành phố quyết định phê duyệt phương án xử lý tài sản "
        "đối với:\na) Tài sản là bất động sản;\nb) Tài sản xe ôtô;\n",
        "4. Sở Tài chính quyết định xác lập quyền sở hữu toàn dân đối với tài sản chuyển giao.\n",
        "1. Sở Tài chính phê duyệt phương án xử lý tài sản do Sở Tài chính xác lập.\n",
        # ... also when the bodies are named with whose they are (Gia Lai decision of 2025:
        # "1. Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh\nquyết định giao tài sản";
        # Huế decision of 2025: "2. Các cơ quan chuyên môn, ... thuộc Ủy ban nhân dân thành
        # phố quyết định ...")
        "1. Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh\nquyết định giao tài sản bằng "
        "hiện vật cho cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý.\n",
    ],
)
def test_a_power_allocated_is_no_task(article: str) -> None:
    text = "Điều 3. Thẩm quyền phê duyệt phương án xử lý tài sản\n" + article
    assert not _tasks_of(text, "Thừa Thiên Huế")


def test_a_portal_s_summary_assigns_nothing() -> None:
    # thuvienphapluat's paraphrase above a document's text, closed by "Xem chi tiết tại ..."
    # (Công điện 226/CĐ-TTg, Công điện 96/CĐ-BXD, Bộ Nội vụ CV 10988 saved from the portal)
    text = ("**Tình trạng:**\n|\nĐã biết\n|\nTăng cường sử dụng hàng dự trữ quốc gia\n"
            "Thủ tướng Chính phủ yêu cầu các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh tập "
            "trung thực hiện ngay các nhiệm vụ. Trong đó, Bộ Tài chính chủ trì rà soát hàng dự "
            "trữ.\nXem chi tiết tại Công điện 226/CĐ-TTg ngày 21/11/2025.\n|\n"
            "**THỦ TƯỚNG CHÍNH PHỦ**\n1. Bộ Quốc phòng chủ trì cứu hộ.\n")
    given = _pairs(text, "Hà Nội")
    assert given == {("Bộ Quốc phòng", "lead")}, given


def test_the_addressees_of_a_cong_dien_are_given_nothing() -> None:
    # "BỘ XÂY DỰNG điện:" / "THỦ TƯỚNG CHÍNH PHỦ điện:" then who it is sent to, an entry
    # wrapped over a long line (Công điện 96/CĐ-BXD and 226/CĐ-TTg of 2025)
    text = ("CÔNG ĐIỆN\nBỘ XÂY DỰNG điện:\n- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, Hàng\n"
            "hải và Đường thủy Việt Nam, Kinh tế - Quản lý đầu tư xây dựng, Kết cấu hạ tầng\n"
            "xây dựng;\n- Ban Quản lý Dự án 85;\n- Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk.\n"
            "Bộ Xây dựng yêu cầu các cơ quan, đơn vị:\n"
            "1. Cục Đường bộ Việt Nam chủ trì phân luồng.\n")
    subject = DocInfo(symbol="96/CĐ-BXD", key="96/CĐ-BXD|VN|2025", province=None,
                      issuer="Bộ Xây dựng")  # fmt: skip
    assignments, _ = extract_responsibilities(normalize(text), subject)
    given = {a.agency for a in assignments}
    assert not given & {"Ban Quản lý Dự án 85", "Sở Xây dựng"}, given
    assert any(name.startswith("Cục Đường bộ Việt Nam") for name in given), given


def test_an_article_of_a_holder_s_duties_with_an_introduction() -> None:
    # "Điều 21. Trách nhiệm của Sở X" then "Sở X là cơ quan quản lý ..., có trách nhiệm:"
    # and the duties numbered (Ninh Bình regulation of 2025; the same heading and
    # introduction in a Thái Nguyên regulation of 2025, "Điều 14. Trách nhiệm của Sở Dân tộc
    # và Tôn giáo / Sở Dân tộc và Tôn giáo là cơ quan thường trực ...")
    text = ("Điều 21. Trách nhiệm của Sở Khoa học và Công nghệ\n\nSở Khoa học và Công nghệ là cơ\n"
            "quan quản lý, vận hành Hệ thống của tỉnh, có trách nhiệm:\n\n1. Tham mưu, trình Ủy "
            "ban nhân dân tỉnh chỉ đạo thực hiện.\n2. Tổ chức đào tạo, hướng dẫn các quy định.\n")
    leads = {task: {agency for agency, role in pairs if role == "lead"}
             for task, pairs in _tasks_of(text, "Ninh Bình").items()}  # fmt: skip
    assert leads.get("Đ21.2") == {"Sở Khoa học và Công nghệ"}, leads


def test_an_unnamed_appendix_is_named_by_its_place_among_the_appendices() -> None:
    # the distribution list is a cut of the body, not an appendix: the first appendix with
    # no number of its own is "Phụ lục 1" (Hà Nội letter of 2025, "PHỤ LỤC" then a list)
    text = ("1. Sở Tài chính chủ trì bố trí kinh phí.\nNơi nhận:\n- Như trên;\n"
            "PHỤ LỤC\n1. Công ty Cổ phần Môi trường chủ trì thu gom rác.\n")
    tasks = _tasks_of(text, "Hà Nội")
    assert "Phụ lục 1, 1" in tasks, tasks


@pytest.mark.parametrize(
    ("sentence", "partners"),
    [
        # partners after "phối hợp với" whose names run on past what the list took, then
        # the next partner (Lào Cai plan of 2026: "các chủ đầu tư hạ tầng cụm công nghiệp,
        # Ủy ban nhân dân các xã, phường"; Bộ TN&MT plan of 2022: "Cục Kiểm soát ô nhiễm môi
        # trường, Vụ Môi trường"; Lâm Đồng Công điện of 2025: "Sở Xây dựng Lâm Đồng và các
        # cơ quan, đơn vị có liên quan")
        ("- Chủ trì, phối hợp với các chủ đầu tư hạ tầng cụm công nghiệp, Ủy ban nhân dân "
         "các xã, phường và các đơn vị liên quan đầu tư đồng bộ hệ thống lưới điện.\n",
         {"Ủy ban nhân dân các xã, phường", "Các cơ quan, đơn vị liên quan"}),
        ("b) Chủ trì, phối hợp với Cục Kiểm soát ô nhiễm môi trường, Vụ Môi trường hoàn thiện "
         "dự thảo Kế hoạch giảm phát thải khí nhà kính.\n", {"Vụ Môi trường"}),
        ("- Chủ trì, phối hợp với Sở Xây dựng Lâm Đồng và các cơ quan, đơn vị có liên quan để "
         "khảo sát, lập phương án.\n", {"Các cơ quan, đơn vị liên quan"}),
    ],
)
def test_partners_after_a_name_running_on(sentence: str, partners: set[str]) -> None:
    text = "V. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n" + sentence
    given = _pairs(text, "Lào Cai")
    assert {(p, "coordinate") for p in partners} <= given, given
    assert not any(role == "lead" and agency in partners for agency, role in given), given


def test_a_verb_after_the_partners_ends_their_list() -> None:
    # the bodies a partner is to direct are no partners (Politburo conclusion of 2025: "phối
    # hợp với Đảng uỷ Chính phủ chỉ đạo Đảng uỷ Uỷ ban Pháp luật và Tư pháp, Đảng uỷ Bộ Tư pháp
    # và các cơ quan liên quan nghiên cứu")
    text = ("1. Nhiệm vụ\n- Giao Đảng uỷ Quốc hội chủ trì, phối hợp với Đảng uỷ Chính phủ chỉ "
            "đạo Đảng uỷ Uỷ ban Pháp luật và Tư pháp, Đảng uỷ Bộ Tư pháp và các cơ quan liên "
            "quan nghiên cứu việc sửa đổi, bổ sung một số điều của Hiến pháp.\n")
    subject = DocInfo(symbol="127-KL/TW", key="127-KL/TW|VN|2025")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    given = {(a.agency, a.role) for a in assignments}
    assert ("Đảng ủy Chính phủ", "coordinate") in given, given
    assert not any(role == "coordinate" and "Tư pháp" in agency for agency, role in given), given


@pytest.mark.parametrize(
    ("label", "holder_tasks", "partners"),
    [
        # a label of roles under a holder: its items are the holder's tasks, the partners it
        # names join it (Sơn La plan of 2025: "*a) Chủ trì, phối hợp với các sở, ban, ngành,
        # UBND các xã, phường và cơ quan, đơn vị có liên quan*", "*b) Phối hợp với các sở,
        # ngành, UBND các xã, phường*"; Quảng Ninh decision of 2025: "b) Phối hợp với Sở Nông
        # nghiệp và Môi trường")
        ("a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường",
         {"1.a-1", "1.a-2"}, {("Các sở, ban, ngành", "1.a"), ("UBND các xã, phường", "1.a")}),
        ("b) Phối hợp với Sở Nông nghiệp và Môi trường",
         {"1.b-1", "1.b-2"}, {("Sở Nông nghiệp và Môi trường", "1.b")}),
    ],
)
def test_a_label_of_roles_gives_its_items_to_the_holder(
    label: str, holder_tasks: set[str], partners: set[tuple[str, str]]
) -> None:
    text = (f"1. Sở Công Thương\n{label}\n- Tổ chức chương trình tập huấn kiến thức.\n"
            "- Tham mưu phát triển công nghiệp bảo quản, chế biến nông lâm thủy sản.\n")
    tasks = _tasks_of(text, "Sơn La")
    assert {t for t, pairs in tasks.items() if ("Sở Công Thương", "lead") in pairs} == holder_tasks
    assert {(agency, t) for t, pairs in tasks.items() for agency, role in pairs
            if role == "coordinate"} == partners



@pytest.mark.parametrize(
    "distribution",
    [
        # the signer's office in a column beside the list, on its first line and between
        # its entries (Lào Cai department letter of 2025; Lào Cai plan of 2026)
        "Nơi nhận:                                         KT. GIÁM ĐỐC\n- Như trên;\n"
        "- UBND tỉnh (b/c);\n                                                  PHÓ GIÁM ĐỐC\n"
        "- UBND các xã, phường (p/h);\n- Lãnh đạo Sở;\n- Lưu: VT, KS.\n",
        "Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
        "- Như Điều 3;                                         KT. CHỦ TỊCH\n"
        "- TT. Tỉnh uỷ, HĐND tỉnh;                             PHÓ CHỦ TỊCH\n"
        "- Các sở, ban, ngành thuộc UBND tỉnh;\n- UBND các xã, phường;\n- Lưu: VT.\n",
        # the label underlined on a portal's page, an entry wrapped onto a line that opens
        # with "V" (the Party Central Office's conclusions of 2025: "__Nơi nhận__:", "- Các
        # đồng chí lãnh đạo\nVăn phòng Trung ương Đảng,"; Quảng Ninh commune plans of 2025:
        # "- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,  \n\nVP Đảng uỷ;")
        "|\n__Nơi nhận__:\n- Ban Bí thư (để báo cáo),\n- Các tỉnh uỷ, thành uỷ,\n- Các đồng chí "
        "lãnh đạo\nVăn phòng Trung ương Đảng,\n- Các đơn vị trực thuộc\nVăn phòng Trung ương "
        "Đảng,\n- Lưu Văn phòng Trung ương Đảng.\n",
        "Nơi nhận:\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,  \n\nVP Đảng uỷ;\n\n"
        "         - Văn phòng HĐND, UBND xã;\t\n\n- Các tổ chức thành viên MTTQ xã;\n",
    ],
)
def test_a_distribution_list_beside_the_signature_assigns_nothing(distribution: str) -> None:
    text = "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n" + distribution
    given = _pairs(text, "Lào Cai")
    assert given == {("Sở Tài chính", "lead")}, given


@pytest.mark.parametrize(
    ("opening", "province", "holder"),
    [
        # an item naming who leads its items, and with whom, then a colon: its items are the
        # holder's tasks, the item itself is none (Prime Minister's Công điện 226 of 2025;
        # Hồ Chí Minh City plan of 2025; Sơn La plan of 2025, the holder on a line of its own;
        # the items below are the Công điện's, composed under each opening)
        ("**1.** Bộ Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan và\ncác địa "
         "phương:\n", None, "Bộ Tài chính"),
        ("2. Sở Giáo dục\nvà Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Ủy "
         "ban nhân dân\ncác phường, xã, đặc khu:\n", "Thành phố Hồ Chí Minh",
         "Sở Giáo dục và Đào tạo"),
        ("**4. Sở\nKhoa học và Công Nghệ**\n\nChủ trì, phối hợp với các sở,\nngành, UBND các "
         "xã, phường và các cơ quan, đơn vị có liên quan:\n", "Sơn La", "Sở Khoa học và Công nghệ"),
        # ... or the obligation its items are (Huế decision 123/2025; Party Central Committee
        # regulation 384-QĐ/TW of 2025)
        ("1. Sở Tài chính có trách nhiệm:\n\n", "Huế", "Sở Tài chính"),
        ("2. Văn phòng Trung ương Đảng có trách nhiệm:\n\n", None, "Văn phòng Trung ương Đảng"),
    ],
)
def test_an_item_naming_who_leads_its_items_is_no_task_of_its_own(
    opening: str, province: str | None, holder: str
) -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\n" + opening + "a) Rà soát các mặt\nhàng dự trữ quốc gia bảo "
            "đảm chủng loại, số lượng, chất lượng.\nb) Tổng hợp\nnhu cầu về hàng dự trữ quốc "
            "gia của địa phương.\n")
    subject = DocInfo(symbol="1/KH", key=f"1/KH|{province or 'VN'}|2025", province=province)
    assignments, _ = extract_responsibilities(normalize(text), subject)
    leads = {a.task for a in assignments if (a.agency, a.role) == (holder, "lead")}
    number = opening.strip("*").split(".")[0].strip("*")
    assert leads == {f"V.{number}.a", f"V.{number}.b"}, leads


@pytest.mark.parametrize(
    ("item", "body"),
    [
        # a minister or governor named for the body (Prime Minister's Công điện of 2025: "2.
        # Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5", "11. Thống đốc Ngân hàng Nhà nước Việt
        # Nam chỉ đạo"; Prime Minister's plan of 2025: "1. Bộ trưởng Bộ Công an có trách
        # nhiệm"; VPCP notice of 2025: "b) Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ
        # đạo")
        ("2. Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5, Quân\nkhu 7, các đơn vị quân đội đóng "
         "ở trong và gần khu vực bổ sung lực lượng, phương", "Bộ Quốc phòng"),
        ("11. Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo\ncác ngân hàng, tổ chức tín dụng "
         "triển khai các chính sách tín dụng", "Ngân hàng Nhà nước Việt Nam"),
        ("1. Bộ trưởng Bộ Công an có\ntrách nhiệm giúp Thủ tướng Chính phủ theo dõi, kiểm tra",
         "Bộ Công an"),
        ("b) Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ\nđạo kiểm tra, rà soát, tháo gỡ "
         "các khó khăn, vướng mắc", "Bộ Xây dựng"),
    ],
)
def test_a_minister_leads_for_the_ministry(item: str, body: str) -> None:
    text = "Thủ tướng Chính phủ yêu cầu:\n" + item + "\n"
    subject = DocInfo(symbol="227/CĐ-TTg", key="227/CĐ-TTg|VN|2025", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert (body, "lead") in {(a.agency, a.role) for a in assignments}


def test_a_province_s_committee_named_in_a_central_notice_is_given_its_tasks() -> None:
    # the Government Office's notices of 2025 give the provinces they name tasks ("5. ...:
    # Ủy ban nhân dân tỉnh Thanh Hóa rà soát và khẩn trương thực hiện", "b) Ủy ban nhân dân
    # tỉnh Hưng Yên khẩn trương làm việc"); a province's own committee still only receives
    text = ("III. Ý KIẾN KẾT LUẬN\n5. Về điều chuyển số vốn dư cho tỉnh Thanh Hóa: Ủy ban nhân "
            "dân tỉnh Thanh Hóa rà soát và khẩn\ntrương thực hiện các giải pháp cụ thể, giải "
            "ngân hết số vốn đầu tư công của tỉnh\n6. Về các dự án:\nb) Ủy ban nhân dân tỉnh "
            "Hưng Yên khẩn trương làm việc\nvới các địa phương (Ninh Bình, Hải Phòng, Bắc Ninh, "
            "Tuyên Quang, Phú Thọ) để thống\n")
    central = DocInfo(symbol="634/TB-VPCP", key="634/TB-VPCP|VN|2025")
    assignments, _ = extract_responsibilities(normalize(text), central)
    given = {(a.agency, a.province, a.role) for a in assignments}
    assert given == {("UBND tỉnh", "Thanh Hóa", "lead"), ("UBND tỉnh", "Hưng Yên", "lead")}
    own = DocInfo(symbol="1/KH-UBND", key="1/KH-UBND|Thanh Hóa|2025", province="Thanh Hóa",
                  issuer="UBND tỉnh Thanh Hóa")
    assignments, _ = extract_responsibilities(normalize(text), own)
    assert {(a.agency, a.province) for a in assignments} == {("UBND tỉnh", "Hưng Yên")}


@pytest.mark.parametrize(
    "sentence",
    [
        # what a body has done, told in passing, is no task (Lào Cai letter of 2026: "Sở Xây
        # dựng đã có ý kiến thống nhất"; Prime Minister's Công điện of 2025: "Chính phủ, Thủ
        # tướng Chính phủ đã chỉ đạo quyết liệt"; Hà Nội plan of 2010, word-segmented: "Ban
        # chỉ_đạo TGNN_Thành_phố đã tổ_chức")
        "a) Dự án phù hợp với quy hoạch; Sở Xây dựng đã có ý kiến thống nhất tại Văn bản số "
        "3695/SXD-QHKT ngày 18/6/2026.\n",
        "- Chính phủ, Thủ tướng Chính phủ đã ban hành nhiều văn bản, công điện chỉ đạo tập "
        "trung ứng phó.\n",
        "- Ban chỉ_đạo TGNN_Thành_phố đã tổ_chức thẩm_định kết_quả hỗ_trợ hộ nghèo xây_dựng "
        "nhà_ở năm 2009.\n",
    ],
)
def test_what_a_body_has_done_is_no_task(sentence: str) -> None:
    text = "V. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ chung\n" + sentence
    assert not _tasks_of(text, "Lào Cai"), _tasks_of(text, "Lào Cai")


def test_what_a_body_was_given_is_still_its_task() -> None:
    # a constructed fixture, not a document's text: "đã được giao" still gives the task
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ chung\n- Sở Tài chính đã được giao chủ trì thẩm "
            "định dự toán kinh phí.\n")
    assert ("Sở Tài chính", "lead") in {p for ps in _tasks_of(text, "Lào Cai").values() for p in ps}


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # "chuyển giao cho X" hands assets over to X: X is given no task (Huế decision of
        # 2025, Điều 6.2 and 6.3)
        ("2. Các cơ quan chuyên môn, các\nđơn vị sự nghiệp công lập, tổ chức hành chính khác "
         "thuộc Ủy ban nhân dân thành\nphố chủ trì quản lý tài sản đối với các tài sản chuyển "
         "giao cho cơ quan, tổ chức,\nđơn vị thuộc phạm vi quản lý của mình.\n",
         "Các cơ quan chuyên môn, các đơn vị sự nghiệp công lập, tổ chức hành chính khác"),
        ("3. Chủ tịch Ủy ban nhân dân các\nphường, xã chủ trì quản lý tài sản đối với các tài "
         "sản chuyển giao cho các cơ\nquan, tổ chức, đơn vị thuộc phạm vi quản lý của Ủy ban "
         "nhân dân các phường, xã\n", "Ủy ban nhân dân các phường, xã"),
    ],
)
def test_those_assets_are_handed_over_to_are_given_no_task(sentence: str, holder: str) -> None:
    text = "**Điều 6. Đơn vị chủ trì quản lý tài sản**\n" + sentence
    assert _pairs(text, "Huế") == {(holder, "lead")}, _pairs(text, "Huế")


@pytest.mark.parametrize(
    "item",
    [
        # following and urging how the document is carried out, whatever its kind: a Công
        # điện (Prime Minister's of 2025, twice: "15. Văn phòng Chính phủ theo dõi, đôn đốc
        # việc thực hiện Công điện này theo chức năng, nhiệm vụ được giao", "6. Văn phòng
        # Chính phủ theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc, kiểm tra việc thực
        # hiện Công điện này")
        "15. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này theo chức "
        "năng, nhiệm vụ được giao.\n",
        "**6.** Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao theo\ndõi, đôn đốc "
        "thực hiện Công điện này.\n",

    ],
)
def test_following_the_document_of_any_kind_is_monitoring_only(item: str) -> None:
    subject = DocInfo(symbol="227/CĐ-TTg", key="227/CĐ-TTg|VN|2025", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize("Thủ tướng yêu cầu:\n" + item), subject)
    assert {(a.agency, a.role) for a in assignments} == {("Văn phòng Chính phủ", "monitor")}


@pytest.mark.parametrize("party_symbol", ["104-CTr/TU", "2449-CV/ĐU", "34-NQ/TU"])
def test_a_party_document_gives_the_province_s_committee_tasks(party_symbol: str) -> None:
    # a Party committee's programme or letter gives the People's Committee its tasks (Lào
    # Cai Tỉnh ủy programme 104-CTr/TU and Đảng ủy UBND tỉnh letter 2449-CV/ĐU of 2026: "1.
    # Ủy ban nhân dân tỉnh, chỉ đạo ...", "Chỉ đạo Uỷ ban nhân dân tỉnh cụ thể hóa ...");
    # the committee's own plan does not
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân tỉnh\n- Nghiên cứu, cụ thể hóa các "
            "mục tiêu, nhiệm vụ, giải pháp Chương trình\nhành động số 104-CTr/TU ngày "
            "30/8/2026 của Tỉnh ủy thành các chương trình,\nđề án, dự án, kế hoạch 5 năm và "
            "hằng năm để triển khai thực hiện.\n")
    party = DocInfo(symbol=party_symbol, key=f"{party_symbol}|Lào Cai|2026", province="Lào Cai",
                    issuer="Tỉnh ủy Lào Cai" if party_symbol.endswith("TU") else None)
    assignments, _ = extract_responsibilities(normalize(text), party)
    assert ("UBND tỉnh", "lead") in {(a.agency, a.role) for a in assignments}
    own = DocInfo(symbol="134/KH-UBND", key="134/KH-UBND|Lào Cai|2026", province="Lào Cai",
                  issuer="UBND tỉnh Lào Cai")
    assignments, _ = extract_responsibilities(normalize(text), own)
    assert not assignments


@pytest.mark.parametrize(
    "fields",
    [
        # a task's fields in italics on a portal's page, labels from the vocabulary (Bắc Ninh
        # plan of 2025: "*Đơn vị chủ trì tham mưu thực\nhiện: *Sở Nội vụ.", "*Đơn vị phối hợp
        # thực hiện: *Sở\nTư pháp; các cơ quan, đơn vị, địa phương liên quan."; Bộ Tư pháp
        # plan of 2015: "- Đơn vị phối hợp: Văn phòng Bộ.")
        "*Đơn vị chủ trì tham mưu thực\nhiện: *Sở Nội vụ.\n\n*Đơn vị phối hợp thực hiện: *Sở\n"
        "Tư pháp; các cơ quan, đơn vị, địa phương liên quan.\n",
        "- Đơn vị chủ trì: Sở Nội vụ.\n- Đơn vị phối hợp: Sở Tư pháp.\n",
    ],
)
def test_the_partners_field_of_a_task(fields: str) -> None:
    text = ("III. NHIỆM VỤ\n1. Nâng cao năng lực xây dựng pháp luật\n- Thu hút chuyên gia, nhà "
            "khoa học pháp lý.\n" + fields)
    given = _pairs(text, "Bắc Ninh")
    assert ("Sở Tư pháp", "coordinate") in given and ("Sở Tư pháp", "lead") not in given, given


@pytest.mark.parametrize(
    "heading",
    [
        # an article of a holder's duties, however its title joins the words (Hải Phòng
        # decision of 2025: "**Điều 16. Trách nhiệm, quyền hạn\ncủa Sở Tư pháp**"; Lào Cai
        # regulation of 2026 on industrial clusters: "Điều 16. Trách nhiệm Sở Công Thương")
        "**Điều 16. Trách nhiệm, quyền hạn\ncủa Sở Tư pháp**\n",
        "      Điều 16. Trách nhiệm Sở Tư pháp\n",
    ],
)
def test_an_article_of_a_holder_s_duties_gives_it_its_items(heading: str) -> None:
    text = (heading + "1. Trực tiếp thực hiện việc quản lý, khai thác Cơ sở dữ liệu.\n"
            "2. Tổ chức tập huấn các nội dung liên quan đến công tác quản lý.\n")
    tasks = _tasks_of(text, "Hải Phòng")
    assert {t for t, pairs in tasks.items() if ("Sở Tư pháp", "lead") in pairs} == {
        "Đ16.1", "Đ16.2"}, tasks


def test_numbered_points_are_tasks_of_their_own() -> None:
    # a Prime Minister's Công điện of 2025: "(1) ... (2) ..." under the minister who leads them
    tasks = _tasks_of(
        "5. Bộ trưởng Bộ Tài chính chủ trì:\n(1) Phối hợp với Bộ Nông nghiệp và Môi trường "
        "tiếp\ntục rà soát, tổng hợp tình hình thiệt hại do mưa lũ, có phương án cụ thể xử lý\n"
        "những vấn đề cấp bách và lâu dài, báo cáo Chính phủ, Thủ tướng Chính phủ theo\n"
        "quy định.\n(2) Khẩn trương rà soát, cập nhật, hoàn thiện dự\nthảo Nghị quyết của "
        "Chính phủ về các giải pháp khắc phục hậu quả thiên tai,\nphục hồi sản xuất tại các "
        "địa phương khu vực Trung Bộ, trình Chính phủ trước\nngày 26/11/2025.\n",
        None,
    )
    assert ("Bộ Tài chính", "lead") in tasks["5.(1)"]
    assert ("Bộ Tài chính", "lead") in tasks["5.(2)"]


def test_numbered_points_after_a_bullet_s_colon_are_its_own() -> None:
    # a Politburo conclusion of 2025: principles "(1) ... (3)" under a bullet ending in ":"
    # stay under it; the next bullet is the heading's again
    from vbgraph.loaders.find.structure import parse_items

    text = (
        "- Triển khai thực hiện phân cấp, phân quyền theo một số nguyên tắc chính sau:\n"
        "\n"
        "(1) Trung ương tập trung quản lý vĩ mô, xây dựng thể chế, chiến lược, quy "
        "hoạch, kế hoạch đồng bộ, thống nhất, giữ vai trò kiến tạo và tăng cường kiểm "
        "tra, giám sát; phân cấp, phân quyền đủ mạnh, đủ rõ, hợp lý các nhiệm vụ ở Trung "
        "ương đang thực hiện về cho địa phương theo đúng tinh thần \"địa phương quyết "
        "định, địa phương làm, địa phương chịu trách nhiệm\".\n"
        "\n"
        "(2) Đẩy mạnh phân cấp, phân quyền và phân định rõ giữa thẩm quyền chung của uỷ "
        "ban nhân dân và thẩm quyền riêng của chủ tịch uỷ ban nhân dân cấp tỉnh, cấp xã "
        "phù hợp với chủ trương của Đảng, Nhà nước nhằm phát huy vai trò, trách nhiệm "
        "của người đứng đầu cơ quan, tổ chức các cấp (không để tình trạng đùn đẩy, né "
        "tránh và chậm trễ trong việc triển khai các nhiệm vụ, quyền hạn; gửi xin ý kiến "
        "tràn lan).\n"
        "\n"
        "(3) Rà soát, thực hiện phân cấp, phân quyền giữa các ngành, lĩnh vực có liên "
        "quan bảo đảm đồng bộ, tổng thể, liên thông, không bỏ sót hoặc chồng lấn, giao "
        "thoa nhiệm vụ.\n"
        "\n"
        "- Trên cơ sở nguyên tắc phân cấp, phân quyền, Đảng uỷ Chính phủ, đảng uỷ các "
        "bộ, cơ quan ngang bộ, đặc biệt là người đứng đầu chịu trách nhiệm thực hiện "
        "nghiêm chỉ đạo của Bộ Chính trị, đồng chí Tổng Bí thư trong việc thực hiện phân "
        "cấp, phân quyền triệt để cho địa phương; tham mưu việc ban hành đầy đủ các nghị "
        "định, văn bản thực hiện phân cấp, phân quyền, bảo đảm có nguồn lực thực thi, có "
        "quy định chuyển tiếp rõ ràng, không để có khoảng trống, không gián đoạn công "
        "việc; dự thảo các văn bản liên quan cần hoàn chỉnh **trước ngày 01/6/2025** và "
        "ban hành **trước ngày 25/6/2025.**\n"
    )
    ids = [item.id for item in parse_items(text)]
    assert ids == ["-1", "-1.(1)", "-1.(2)", "-1.(3)", "-2"]


@pytest.mark.parametrize(
    ("text", "province", "hubs"),
    [
        (  # "báo cáo đề xuất": reporting with a proposal (Gia Lai decision 44/2025)
            "3. Trong quá trình tổ chức triển khai thực hiện,\ntrường hợp phát sinh những khó "
            "khăn, vướng mắc hoặc bất cập, các cơ quan, tổ chức,\nđơn vị kịp thời phản ánh về "
            "Sở Tài chính "
            "để tổng hợp, báo cáo đề xuất Chủ tịch Ủy\nban nhân dân tỉnh xem xét, quyết định "
            "sửa đổi, bổ sung cho phù hợp.\n",
            "Gia Lai",
            {"Sở Tài chính", "UBND tỉnh"},
        ),
        (  # "báo cáo và kiến nghị" (Government resolution 100/NQ-CP of 2026)
            "4. Bộ Ngoại giao chủ trì, phối hợp với các Bộ, ngành, địa phương theo dõi, đôn \n"
            "đốc, tổ chức kiểm tra, giám sát việc triển khai Chương trình hành động, kịp thời "
            "báo cáo \nvà kiến nghị Chính phủ, Thủ tướng Chính phủ các biện pháp cần thiết để "
            "bảo đảm thực",
            None,
            {"Chính phủ", "Thủ tướng Chính phủ"},
        ),
    ],
)
def test_a_report_with_a_proposal_names_whom_it_goes_to(
    text: str, province: str | None, hubs: set[str]
) -> None:
    assert {a for a, role in _pairs(text, province) if role == "report_hub"} == hubs


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # an article's word wrapped from its number ("**Điều\n14. ..."): one article, whose
        # numbered clauses are its own (Cần Thơ decision 2610/QĐ-UBND of 2025; a Lai Châu
        # regulation on weddings and funerals, tnt305/tai_lieu_noi_bo
        # src/etl/dataset/01bf9d04a5b9e2c8.md @94c5034a, where 31 files wrap so)
        ("**Điều\n14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Có trách nhiệm chủ "
         "trì,\nphối hợp các cơ quan, đơn vị có liên quan tham mưu cải tiến Hệ thống ngày càng"
         "\nhiệu quả và phù hợp với các quy định hiện hành; tổ chức kiểm tra, theo dõi, đôn\n"
         "đốc việc sử dụng Hệ thống.\n\n2. Bảo đảm Hệ thống và hạ tầng\nkỹ thuật quy định tại "
         "Điều 12 Quy chế này hoạt động thông suốt, ổn định, liên tục\n(24/24); phối hợp Công "
         "an thành phố giám sát, bảo đảm an toàn và an ninh thông\ntin cho toàn bộ Hệ thống.\n",
         ["Đ14", "Đ14.1", "Đ14.2"]),
        ("**Điều\n12. Trách nhiệm tổ chức thực hiện**\n\n1. Thủ trưởng các cơ quan,\nđơn vị, "
         "doanh nghiệp, tổ chức chính trị - xã hội, hội quần chúng; Chủ tịch Ủy\nban nhân dân "
         "cấp xã có trách nhiệm quán triệt, phổ biến, giáo dục, động viên,\n",
         ["Đ12", "Đ12.1"]),
    ],
)
def test_an_article_s_word_wrapped_from_its_number_is_one_article(
    text: str, ids: list[str]
) -> None:
    from vbgraph.loaders.find.structure import parse_items

    assert [item.id for item in parse_items(normalize(text).text)] == ids


def test_the_holder_named_by_a_wrapped_article_heading_gets_its_clauses() -> None:
    # the Cần Thơ decision's article: its clauses are the department's tasks
    tasks = _tasks_of(
        "**Điều\n14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Có trách nhiệm chủ "
        "trì,\nphối hợp các cơ quan, đơn vị có liên quan tham mưu cải tiến Hệ thống ngày càng"
        "\nhiệu quả và phù hợp với các quy định hiện hành; tổ chức kiểm tra, theo dõi, đôn\n"
        "đốc việc sử dụng Hệ thống.\n",
        "Cần Thơ",
    )
    assert ("Sở Khoa học và Công nghệ", "lead") in tasks["Đ14.1"]


@pytest.mark.parametrize(
    ("text", "province", "issuer"),
    [
        # the enacting formula of a 2025 normative document: the issuer enacts, no task and
        # no body "Ủy ban nhân dân ban hành Quyết định" (Thái Nguyên decision 26/2025,
        # Quảng Ninh decision 96/2025, Hà Nội People's Council resolution 57/2025)
        ("*Ủy ban nhân dân ban hành Quyết\nđịnh ban hành Quy chế phối hợp trong công tác "
         "quản lý nhà nước", "Thái Nguyên", "UBND tỉnh Thái Nguyên"),
        ("*Ủy\nban nhân dân ban hành Quyết định quy định về phòng cháy, chữa cháy rừng trên\n"
         "địa bàn tỉnh ", "Quảng Ninh", "UBND tỉnh Quảng Ninh"),
        ("*Hội đồng nhân dân ban hành Nghị quyết quy định\nthực hiện vùng phát thải thấp trên "
         "địa bàn thành phố Hà Nội (thực hiện điểm a khoản 2 Điều 28 Luật Thủ đô số "
         "39/2024/QH15).*\n", "Hà Nội", "HĐND thành phố Hà Nội"),
    ],
)
def test_the_enacting_formula_assigns_nothing(text: str, province: str, issuer: str) -> None:
    assert _issued(text, province, issuer) == set()


@pytest.mark.parametrize(
    ("text", "province", "issuer", "monitors"),
    [
        # an obligation before the monitoring verb: the bodies given it monitor, they lead no
        # task (Hà Nội People's Council resolution 57/2025; Cần Thơ plan 153/KH-UBND of 2025
        # and Đồng Nai decision 2813/QĐ-UBND of 2025, tnt305/tai_lieu_noi_bo
        # src/etl/dataset/24c7124ec6b2bf61.md and 8c306b6991495e34.md @94c5034a)
        ("2. Giao Thường trực Hội đồng nhân dân Thành phố,\ncác Ban của Hội đồng nhân dân "
         "Thành phố, các Tổ đại biểu và đại biểu Hội đồng\nnhân dân Thành phố, Hội đồng nhân "
         "dân cấp xã có trách nhiệm giám sát quá trình\ntổ chức thực hiện Nghị quyết.\n",
         "Hà Nội", "HĐND thành phố Hà Nội",
         {"Thường trực Hội đồng nhân dân thành phố", "Các Ban của Hội đồng nhân dân thành phố",
          "Các Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố",
          "Hội đồng nhân dân cấp xã"}),
        ("**2**. Giao Công an thành\nphố có trách nhiệm theo dõi, hướng dẫn, đôn đốc các sở, "
         "ban, ngành thành phố, Ủy\nban nhân dân xã, phường triển khai, thực hiện Kế hoạch "
         "nghiêm túc, hiệu quả./.\n",
         "Cần Thơ", "UBND thành phố Cần Thơ", {"Công an thành phố"}),
        ("**2. **Giao Văn phòng Ủy ban\nnhân dân tỉnh có trách nhiệm theo dõi, đôn đốc việc "
         "thực hiện các nội dung\nphương án đơn giản hóa thủ tục hành chính cấp xã đã được phê "
         "duyệt thuộc thẩm\nquyền giải quyết của tỉnh.\n",
         "Đồng Nai", "UBND tỉnh Đồng Nai", {"Văn phòng UBND tỉnh"}),
    ],
)
def test_an_obligation_to_monitor_is_monitoring_only(
    text: str, province: str, issuer: str, monitors: set[str]
) -> None:
    pairs = _issued(text, province, issuer)
    assert not {a for a, role in pairs if role == "lead"}, pairs
    assert {a for a, role in pairs if role == "monitor"} == monitors


@pytest.mark.parametrize(
    ("text", "province", "closing", "hub"),
    [
        # the plan's closing word on difficulties after its last item is a task of its own:
        # its report target is named again there (Hà Nội plan 308/KH-UBND of 2025; Hồ Chí
        # Minh City plan 172/KH-UBND of 2025)
        (
        "2. Các Sở, ban, ngành, UBND xã,\n"
        "phường và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch này, xây dựng Kế "
        "hoạch\n"
        "triển khai tại cơ quan đơn vị hoặc lồng ghép nội dung vào các chương trình, "
        "kế\n"
        "hoạch liên quan; bảo đảm triển khai nhiệm vụ đồng bộ, hiệu quả (đối với các "
        "Sở,\n"
        "ban, ngành cần bảo đảm phù hợp với hướng dẫn của các Bộ, ngành quản lý chuyên\n"
        "môn theo ngành dọc); báo cáo UBND Thành phố kết quả thực hiện thông qua Sở "
        "Khoa\n"
        "học và Công nghệ trước ngày 15 hằng tháng.\n"
        "\n"
        "Trong quá trình thực hiện Kế hoạch,\n"
        "nếu có khó khăn, vướng mắc đề nghị các Sở, ban, ngành, UBND xã, phường và các\n"
        "cơ quan, tổ chức có liên quan kịp thời phản ánh về Sở Khoa học và Công nghệ "
        "để\n"
        "tổng hợp, hướng dẫn giải quyết hoặc trình cấp có thẩm quyền xem xét, quyết "
        "định./.\n",
        "Hà Nội", "2+", "Sở Khoa học và Công nghệ"),
        (
        "3. Thủ trưởng các sở, ban,\n"
        "ngành và Ủy ban nhân dân phường, xã, đặc khu chịu trách nhiệm triển khai, "
        "thực\n"
        "hiện Kế hoạch này và báo cáo kết quả thực hiện về Ủy ban nhân dân Thành phố\n"
        "(thông qua Sở Nội vụ để tổng hợp).\n"
        "\n"
        "Trong quá trình triển khai thực\n"
        "hiện Kế hoạch, nếu có khó khăn, vướng mắc, đề nghị các sở, ban, ngành, Ủy ban\n"
        "nhân dân phường, xã, đặc khu và các cơ quan, tổ chức có liên quan kịp thời "
        "phản\n"
        "ánh về Ủy ban nhân dân Thành phố (thông qua Sở Nội vụ) để hướng dẫn giải "
        "quyết\n"
        "hoặc trình cấp có thẩm quyền xem xét, quyết định./.\n",
        "Thành phố Hồ Chí Minh", "3+", "UBND thành phố"),
    ],
)
def test_the_closing_word_on_difficulties_is_a_task_of_its_own(
    text: str, province: str, closing: str, hub: str
) -> None:
    tasks = _tasks_of(text, province)
    assert (hub, "report_hub") in tasks[closing], tasks


@pytest.mark.parametrize(
    ("text", "province", "monitors"),
    [
        # the function a body acts by before its monitoring verbs, opening a clause of its own
        # (Lào Cai UBND letter 9387 of 2026) or after the body (a news page quoting a Prime
        # Minister's Công điện of 2025, tnt305/tai_lieu_noi_bo src/etl/dataset/
        # 5ce4ad52b9f24f9f.md @94c5034a)
        ("       1. Các Sở, ban, ngành thuộc tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh,\n"
         "Ủy ban nhân dân các xã, phường tổ chức nghiên cứu, cụ thể hóa các mục tiêu,\n"
         "nhiệm vụ, giải pháp Chương trình hành độ số 104-CTr/Tu ngày 30/8/2026 của Tỉnh\n"
         "ủy Lào Cai thành các chương trình, đề án, dự án, kế hoạch 5 năm và hằng năm\n"
         "để triển khai thực hiện. Căn cứ theo chức năng, nhiệm vụ có trách nhiệm chỉ\n"
         "đạo kiểm tra, giám sát, theo dõi, đôn đốc và đánh giá kết quả thực hiện; kịp thời\n",
         "Lào Cai",
         {"Các sở, ban, ngành", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
          "Ủy ban nhân dân các xã, phường"}),
        ("- Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc các cơ "
         "quan, đơn vị liên quan thực hiện Công điện này; phối hợp với Bộ Giáo dục và Đào tạo "
         "kịp thời báo cáo Th",
         None,
         {"Văn phòng Chính phủ"}),
    ],
)
def test_the_function_a_body_acts_by_before_its_monitoring(
    text: str, province: str | None, monitors: set[str]
) -> None:
    assert {a for a, role in _pairs(text, province) if role == "monitor"} == monitors


@pytest.mark.parametrize(
    ("text", "province", "holder"),
    [
        # a sub-item joining partners to follow and urge: the holder monitors, it leads
        # nothing there (Lào Cai UBND letter 7103 of 2026; Ninh Bình decision 161/2025, whose
        # article heading names the holder: the heading and the item, the lines between left
        # out)
        ("      6. Sở Tài chính\n      a) Phối hợp với các sở quản lý nhà nước chuyên ngành về "
         "hạ tầng theo\ndõi, hướng dẫn, đôn đốc việc triển khai thực hiện Nghị định số "
         "178/2026/NĐ-\nCP trên địa bàn tỉnh; hướng dẫn thực hiện các quy định của pháp luật về "
         "quản lý,\n", "Lào Cai", "Sở Tài chính"),
        ("**Điều 21.\nTrách nhiệm của Sở Khoa học và Công nghệ**\n\n10. Phối hợp với Văn "
         "phòng Ủy\nban nhân dân tỉnh tổ chức theo dõi, đôn đốc các cơ quan, đơn vị sử dụng và "
         "quản\nlý hoạt động của Hệ thống QLVB&ĐH theo quy định của Quy chế này; báo cáo định"
         "\n", "Ninh Bình", "Sở Khoa học và Công nghệ"),
    ],
)
def test_joining_partners_to_follow_and_urge_is_monitoring(
    text: str, province: str, holder: str
) -> None:
    pairs = _pairs(text, province)
    assert (holder, "monitor") in pairs and (holder, "lead") not in pairs, pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Government's deputy heads by office and name, over the "Thủ tướng" inside
        # (Government resolution 141/NQ-CP of 2026; VPCP notice 627 and Prime Minister's
        # Công điện 226 of 2025: following and urging, with the function they act by,
        # monitors only)
        ("Điều 3. Phân công Phó Thủ tướng Thường trực Chính phủ Phạm Gia Túc \nchỉ đạo việc "
         "xây dựng, hoàn thiện dự án Luật sửa đổi, bổ sung một số điều của \n",
         {("Phó Thủ tướng Thường trực Chính phủ Phạm Gia Túc", "lead")}),
        ("**5.** Giao Phó Thủ tướng Hồ Đức Phớc và các Phó Thủ tướng theo nhiệm\nvụ được phân "
         "công chỉ đạo, đôn đốc, kiểm tra, các Bộ, cơ quan, địa phương trong\nquá trình thực "
         "hiện Công điện này.\n",
         {("Phó Thủ tướng Hồ Đức Phớc", "monitor"), ("Các Phó Thủ tướng", "monitor")}),
    ],
)
def test_deputy_prime_ministers_are_assignees(
    text: str, expected: set[tuple[str, str]]
) -> None:
    subject = DocInfo(symbol="1/CĐ-TTg", key="1/CĐ-TTg|VN|2025", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    pairs = {(a.agency, a.role) for a in assignments if "Thủ tướng" in a.agency}
    assert pairs == expected, pairs


def test_an_agent_clause_of_bodies_joined_by_or_gives_nothing() -> None:
    # "do X hoặc Y chủ trì": who chairs the meetings described (decision setting up a
    # steering committee, development set 04), not a task
    text = ("2. Được mời tham dự các cuộc họp do Thủ tướng Chính phủ hoặc Phó Thủ \ntướng "
            "Chính phủ chủ trì, các cuộc họp của các bộ, ngành, chính quyền địa phương \n")
    subject = DocInfo(symbol="1/QĐ-TTg", key="1/QĐ-TTg|VN|2022", issuer="Thủ tướng Chính phủ")
    assignments, _ = extract_responsibilities(normalize(text), subject)
    assert not [a for a in assignments if "Thủ tướng" in a.agency]


@pytest.mark.parametrize(
    ("text", "lead", "partner"),
    [
        # partners named right after "phối hợp" without "với": the subject leads (Politburo
        # conclusion 221-KL/TW of 2025; Prime Minister's decision 982 of 2026)
        ("độ. Các tỉnh uỷ, thành uỷ phối hợp Bộ Y tế, Bộ Giáo dục và Đào tạo và Bộ Nội vụ\n"
         "khẩn trương sắp xếp các cơ sở giáo dục công lập cấp xã (trường mầm non, tiểu\n",
         "Các tỉnh ủy, thành ủy", "Bộ Y tế"),
        ("b) Bộ Khoa học và Công nghệ phối hợp các bộ, ngành, địa phương liên \nquan tổ chức "
         "đánh giá kết quả triển khai Đề án, tổng hợp tình hình, kết quả triển \nkhai Đề án, "
         "báo cáo Thủ tướng Chính ph",
         "Bộ Khoa học và Công nghệ", "Các Bộ, ngành Trung ương"),
    ],
)
def test_partners_named_after_phoi_hop_without_voi(text: str, lead: str, partner: str) -> None:
    subject = DocInfo(symbol="1/KL", key="1/KL|VN|2025", issuer="Bộ Chính trị")
    pairs = {(a.agency, a.role) for a in extract_responsibilities(normalize(text), subject)[0]}
    assert (lead, "lead") in pairs and (partner, "coordinate") in pairs, pairs


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # the issuer's own voice concluding or commending: the speaker is given no task
        # (Politburo conclusion 221-KL/TW of 2025, whose header names the Central Committee;
        # a VPCP notice of 2025 conveying the Prime Minister's conclusions)
        ("**1.** Cơ bản thống nhất với\n"
         "Báo cáo của Ban Tổ chức Trung ương về tình hình, kết quả hoạt động của bộ máy\n"
         "hệ thống chính trị và chính quyền địa phương 2 cấp tháng 11/2025.\n"
         "Bộ Chính trị, Ban Bí thư ghi nhận\n"
         "và biểu dương các cấp uỷ, tổ chức đảng, Đảng uỷ Chính phủ, Đảng uỷ Quốc hội,\n",
         "Ban Chấp hành Trung ương"),
        ("tiêu của Đại hội đại biểu toàn quốc lần thứ XIII đã đề ra. Thay mặt Chính phủ,\n"
         "Thủ tướng Chính phủ, Trưởng Ban chỉ đạo nhiệt liệt biểu dương sự nỗ lực, tích "
         "cực,\n",
         "Văn phòng Chính phủ"),
    ],
)
def test_the_issuer_s_voice_concluding_gives_no_task(text: str, issuer: str) -> None:
    subject = DocInfo(symbol="221-KL/TW", key="221-KL/TW|VN|2025", issuer=issuer)
    speakers = {"Bộ Chính trị", "Ban Bí thư", "Thủ tướng Chính phủ"}
    assignments = extract_responsibilities(normalize(text), subject)[0]
    assert not [a for a in assignments if a.agency in speakers], assignments
