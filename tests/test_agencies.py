"""Agency gazetteer and matcher: aliases, damaged spellings, spans, lookups."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.loaders.find.agencies.matcher import find_agency, find_mentions, lookup_agencies
from vbgraph.loaders.find.agencies.names import open_mentions
from vbgraph.loaders.find.agencies.skeleton import skeleton
from vbgraph.loaders.text.fold import fold_name, fold_same_length
from vbgraph.loaders.text.normalize import normalize
from vbgraph.loaders.vocab.agencies import ENTRIES

# (text as written in a real document, province, canonical name, mention text)
CASES = [
    # abbreviations
    ("Giao Sở KH&ĐT chủ trì", "Quảng Ngãi", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("phối hợp với Sở NN&PTNT", "Nghệ An", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở LĐ-TB&XH hướng dẫn", "Bình Định", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("Sở TT&TT tỉnh Hà Tĩnh", "Hà Tĩnh", "Sở Thông tin và Truyền thông",
     "Sở TT&TT tỉnh Hà Tĩnh"),  # the province its name goes on to name is in the mention
    ("BCH Quân sự tỉnh, Công An tỉnh", "Quảng Ngãi", "Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự tỉnh"),
    (
        "Đề nghị UBMTTQ tỉnh tham gia",
        "Quảng Trị",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "UBMTTQ tỉnh",
    ),
    ("- Đài PT-TH tỉnh;", "Thanh Hóa", "Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh"),
    # glued words and damaged punctuation (HTML/OCR extraction)
    ("Giám đốc SởNgoại vụ tại Công văn", "Quảng Ngãi", "Sở Ngoại vụ", "SởNgoại vụ"),
    ("Giám đốc Sở: Ngoại vụ; Thủ trưởng", "Quảng Ngãi", "Sở Ngoại vụ", "Sở: Ngoại vụ"),
    (
        "và UBNDcác huyện, thành phố",
        "Quảng Ngãi",
        "UBND các huyện, thị xã, thành phố",
        "UBNDcác huyện, thành phố",
    ),
    (
        "Sở Lao động-Thương binh và Xãhội",
        "Quảng Ngãi",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động-Thương binh và Xãhội",
    ),
    (
        "Sở Lao động. Thương binh và Xã hội thực hiện",
        "Thanh Hóa",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động. Thương binh và Xã hội",
    ),
    ("phối hợp với Bộ Ngoạigiao", "Quảng Ngãi", "Bộ Ngoại giao", "Bộ Ngoạigiao"),
    (
        "Sở Kế hoạch và Đầu\ntư chủ trì",
        "Thanh Hóa",
        "Sở Kế hoạch và Đầu tư",
        "Sở Kế hoạch và Đầu\ntư",
    ),
    # OCR substitutions in long names
    (
        "với Bộ Chỉ huy Quật sự tỉnh",
        "Thanh Hóa",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Bộ Chỉ huy Quật sự tỉnh",
    ),
    # older / variant names and case
    ("Phối hợp với Bộ Công thương", "Quảng Ngãi", "Bộ Công Thương", "Bộ Công thương"),
    (
        "Sở Giao thông Vận tải áp dụng",
        "Thanh Hóa",
        "Sở Giao thông vận tải",
        "Sở Giao thông Vận tải",
    ),
    # province-templated names
    (
        "Ngân hàng Nhà nước Việt Nam chi nhánh Quảng Ngãi",
        "Quảng Ngãi",
        "Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Quảng Ngãi",
        "Ngân hàng Nhà nước Việt Nam chi nhánh Quảng Ngãi",
    ),
    (
        "Liên đoàn Lao động Việt Nam tỉnh Quảng Ngãi",
        "Quảng Ngãi",
        "Liên đoàn Lao động tỉnh Quảng Ngãi",
        "Liên đoàn Lao động Việt Nam tỉnh Quảng Ngãi",
    ),
    (
        "VCCI Chi nhánh Thanh Hóa chủ động",
        "Thanh Hóa",
        "Phòng Thương mại và Công nghiệp Việt Nam (VCCI) Chi nhánh Thanh Hóa",
        "VCCI Chi nhánh Thanh Hóa",
    ),
    ("Báo Nghệ An, Đài Phát thanh", "Nghệ An", "Báo Nghệ An", "Báo Nghệ An"),
    # collectives
    ("Các sở, ban ngành phối hợp", "Đà Nẵng", "Các sở, ban, ngành", "Các sở, ban ngành"),
    (
        "Ủy ban nhân dân các huyện, thành phố",
        "Quảng Ngãi",
        "UBND các huyện, thị xã, thành phố",
        "Ủy ban nhân dân các huyện, thành phố",
    ),
    (
        "các cơ quan đại diện Việt Nam tại nước ngoài",
        "Thanh Hóa",
        "Các cơ quan đại diện Việt Nam ở nước ngoài",
        "các cơ quan đại diện Việt Nam tại nước ngoài",
    ),
]


# public-service units, branches and central departments (the gazetteer's entries)
CASES += [
    (
        "phối hợp với Văn phòng Đoàn ĐBQH và HĐND tỉnh tổ chức tiếp xúc cử tri",
        "Quảng Ngãi",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    ),
    (
        "Văn phòng Đoàn ĐBQH và HĐND thành phố tổng hợp ý kiến cử tri",
        "Đà Nẵng",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố",
        "Văn phòng Đoàn ĐBQH và HĐND thành phố",
    ),
    (
        "Trung tâm Hành chính công tỉnh Quảng Trị tiếp nhận hồ sơ",
        "Quảng Trị",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Trung tâm Hành chính công tỉnh Quảng Trị",
    ),
    (
        "Chi cục TT&BVTV hướng dẫn nông dân",
        "Long An",
        "Chi cục Trồng trọt và Bảo vệ thực vật",
        "Chi cục TT&BVTV",
    ),
    (
        "phối hợp với Phòng NN&PTNT các huyện, thành phố",
        "Sóc Trăng",
        "Phòng Nông nghiệp và Phát triển nông thôn các huyện, thị xã, thành phố",
        "Phòng NN&PTNT các huyện, thành phố",
    ),
    (
        "Tổng cục Hải quan hướng dẫn",
        "Lạng Sơn",
        "Tổng cục Hải quan (Bộ Tài chính)",
        "Tổng cục Hải quan",
    ),
    (
        "phối hợp với Cục Đường thủy nội địa Việt Nam",
        "Cà Mau",
        "Cục Đường thủy nội địa Việt Nam",
        "Cục Đường thủy nội địa Việt Nam",
    ),
    (
        "Cảng vụ Hàng hải Nghệ An kiểm tra",
        "Nghệ An",
        "Cảng vụ Hàng hải Nghệ An",
        "Cảng vụ Hàng hải Nghệ An",
    ),
]


@pytest.mark.parametrize(("text", "province", "name", "mention"), CASES)
def test_alias_maps_to_canonical_name(text: str, province: str, name: str, mention: str) -> None:
    found = find_mentions(text, province)
    assert [(m.agency.name, m.text) for m in found][:1] == [(name, mention)]
    m = found[0]
    assert text[m.start : m.end] == m.text


# bodies the gazetteer does not list, read from the shape of their names
# (excerpt in another province's or ministry's style, province, expected (name, scope))
OPEN_CASES = [
    (  # a provincial unit cut after its locality, the province name dropped
        "phối hợp với Trung tâm Dịch vụ việc làm tỉnh Hà Tĩnh tổ chức phiên giao dịch",
        "Hà Tĩnh",
        ("Trung tâm Dịch vụ việc làm tỉnh", "Hà Tĩnh"),
    ),
    (  # a city's institute; "xây dựng" inside the name before the city's name
        "phối hợp với Viện Quy hoạch xây dựng Hà Nội lập quy hoạch phân khu",
        "Hà Nội",
        ("Viện Quy hoạch xây dựng Hà Nội", "Hà Nội"),
    ),
    (  # a branch department without locality: the name stops at the verb
        "Giao Chi cục Quản lý chất lượng nông lâm sản và thủy sản chủ trì kiểm tra",
        "Bến Tre",
        ("Chi cục Quản lý chất lượng nông lâm sản và thủy sản", "Bến Tre"),
    ),
    (  # a port authority of another place, a verb right after the place name
        "phối hợp với Cảng vụ Hàng hải Vũng Tàu đẩy nhanh nạo vét luồng",
        "Bà Rịa - Vũng Tàu",
        ("Cảng vụ Hàng hải Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ),
    (  # military commands: central
        "phối hợp với Bộ Tư lệnh Vùng Cảnh sát biển 3 tổ chức tuần tra",
        "Khánh Hòa",
        ("Bộ Tư lệnh Vùng Cảnh sát biển 3", None),
    ),
    (  # the army's arms and regions are national in a province's plan too; a name stops
        # before "trước" (Bộ Quốc phòng TT 13 of 2026; a province's defence plan)
        "báo cáo số lượng hóa chất cấm về Binh chủng Hóa học trước ngày 15 tháng 01 hằng năm",
        "Lào Cai",
        ("Binh chủng Hóa học", None),
    ),
    (
        "Bộ Chỉ huy Quân sự tỉnh phối hợp với Quân khu 2 tổ chức diễn tập khu vực phòng thủ",
        "Lào Cai",
        ("Quân khu 2", None),
    ),
    (  # the Party committees of the 2025 reorganisation are one body each, whatever
        # their commas and line breaks (Lào Cai Tỉnh ủy CTr 104 of 2026)
        "Trách nhiệm chỉ đạo thực hiện: Đảng uỷ Mặt trận Tổ quốc, các đoàn thể\ntỉnh; "
        "Đảng ủy Ủy ban nhân dân tỉnh.",
        "Lào Cai",
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Lào Cai"),
    ),
    (
        "Giao Đảng ủy các cơ quan Đảng tỉnh chủ trì, phối hợp tổ chức quán triệt",
        "Tuyên Quang",
        ("Đảng ủy các cơ quan Đảng tỉnh", "Tuyên Quang"),
    ),
    (  # a ministry's newspaper by its ministry's abbreviation (Bộ TN&MT QĐ 59 of 2024)
        "Trung tâm Truyền thông TN&MT, Báo TN&MT và các đơn vị liên quan đẩy mạnh",
        None,
        ("Báo TN&MT", None),
    ),
    (  # the tax department renamed "Thuế tỉnh" in 2025 (Lào Cai plan and letter of 2026:
        # "phối hợp với Thuế tỉnh, Sở Công Thương", "Kính gửi: ... Thuế tỉnh Lào Cai")
        "- Chủ trì, phối hợp với Thuế tỉnh, Sở Công Thương, Sở Xây dựng triển khai",
        "Lào Cai",
        ("Cục Thuế tỉnh", "Lào Cai"),
    ),
    (
        "- Thuế tỉnh Lào Cai;",
        "Lào Cai",
        ("Cục Thuế tỉnh", "Lào Cai"),
    ),
    (  # the provincial press merged in 2025 (Cần Thơ KH 165 of 2025)
        "Báo và Phát thanh, Truyền hình Cần Thơ chủ trì tuyên truyền",
        "Cần Thơ",
        ("Báo và Phát thanh, Truyền hình Cần Thơ", "Cần Thơ"),
    ),
    (  # the national broadcasters and news agency by their initials (NQ 100/NQ-CP, 2026)
        "Các Bộ, ngành, địa phương, VTV, VOV, TTXVN phối hợp tuyên truyền",
        None,
        ("Thông tấn xã Việt Nam", None),
    ),
    (  # a unit every ministry has, named with its ministry: the unit, not the ministry
        "Điều 8. Thanh tra Bộ Quốc phòng\nChủ trì, phối hợp với các cơ quan thanh tra.",
        None,
        ("Thanh tra Bộ Quốc phòng", None),
    ),
    (
        "Giao Văn phòng Bộ Tài chính chủ trì tổng hợp báo cáo",
        None,
        ("Văn phòng Bộ Tài chính", None),
    ),
    (
        "phối hợp với Bộ Tư lệnh Quân khu 4 xây dựng khu vực phòng thủ",
        "Nghệ An",
        ("Bộ Tư lệnh Quân khu 4", None),
    ),
    (  # a general department with its ministry written in brackets
        "phối hợp với Tổng cục Năng lượng (Bộ Công Thương) rà soát",
        "Ninh Thuận",
        ("Tổng cục Năng lượng (Bộ Công Thương)", None),
    ),
    (  # a national department under a ministry, in a province's plan
        "phối hợp với Cục Hàng không Việt Nam nâng cấp cảng hàng không",
        "Điện Biên",
        ("Cục Hàng không Việt Nam", None),
    ),
    (  # named district-level People's Committees
        "phối hợp với UBND thị xã Đông Triều, UBND huyện Vân Đồn xây dựng sản phẩm",
        "Quảng Ninh",
        ("UBND thị xã Đông Triều", "Quảng Ninh"),
    ),
    (
        "Ủy ban nhân dân quận Ninh Kiều chủ trì tổ chức",
        "Cần Thơ",
        ("UBND quận Ninh Kiều", "Cần Thơ"),
    ),
    (  # the district offices of every district: a collective
        "Phòng Tài chính - Kế hoạch các huyện, thị xã, thành phố thẩm định",
        "Bình Phước",
        ("Phòng Tài chính - Kế hoạch các huyện, thị xã, thành phố", "Bình Phước"),
    ),
    (
        "Trung tâm Y tế các huyện, thành phố tổ chức tiêm chủng",
        "Tây Ninh",
        ("Trung tâm Y tế các huyện, thị xã, thành phố", "Tây Ninh"),
    ),
    (  # lower-case words end a name before a comma and the next body
        "Đề nghị Hội Nông dân, Hội Cựu chiến binh, Đoàn Thanh niên phối hợp vận động",
        "Hà Nội",
        ("Hội Cựu chiến binh", "Hà Nội"),
    ),
    (  # a lower-case opener after the head
        "phối hợp với Hội liên hiệp Phụ nữ, Hiệp hội Doanh nghiệp tuyên truyền",
        "Hà Nội",
        ("Hội liên hiệp Phụ nữ", "Hà Nội"),
    ),
    (  # the bodies of a commune by their level, over the province's body
        "Công an xã, Ban chỉ huy quân sự xã phối hợp với Trưởng thôn",
        "Lào Cai",
        ("Công an xã", "Lào Cai"),
    ),
    (
        "Công an xã, Ban chỉ huy quân sự xã phối hợp với Trưởng thôn",
        "Lào Cai",
        ("Trưởng thôn", "Lào Cai"),
    ),
    (  # levels joined by slashes (Hà Nội plan of 2010: "Uỷ ban nhân dân xã / phường /
        # thị trấn"; HCM City: "UBND quận/huyện"): every place of those levels, one list
        "Ủy ban nhân dân xã / phường / thị trấn chỉ đạo tuyên truyền",
        "Hà Nội",
        ("Ủy ban nhân dân xã, phường, thị trấn", "Hà Nội"),
    ),
    (
        "Công an xã/phường phối hợp thực hiện",
        "Hồ Chí Minh",
        ("Công an xã, phường", "Hồ Chí Minh"),
    ),
    (  # a head ending its line, the name going on at the next (Hà Nội plan of 2025:
        # "**1. Ban\nQuản lý các khu công nghệ cao ...**"; Government programme of 2026:
        # "được trình Ban\nChỉ đạo Trung ương")
        "1. Ban\nQuản lý các khu công nghệ cao và khu công nghiệp\n- Chủ trì rà soát.",
        "Hà Nội",
        ("Ban Quản lý", "Hà Nội"),
    ),
    (  # the special zones of the 2025 reform, a commune-level unit (Hồ Chí Minh City
        # letter of 2025: "Ủy ban nhân dân các phường, xã, đặc khu"; Quảng Trị directive:
        # "Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ")
        "- Ủy ban nhân dân các phường, xã, đặc khu tổ chức rà soát",
        "Hồ Chí Minh",
        ("Ủy ban nhân dân các phường, xã, đặc khu", "Hồ Chí Minh"),
    ),
    (
        "UBND đặc khu Phú Quốc chủ trì",
        "An Giang",
        ("UBND đặc khu Phú Quốc", "An Giang"),
    ),
    (  # bodies named by plural nouns without "các", a qualifier making them a collective
        # (Sơn La decision of 2025: "UBND các xã, phường và cơ quan, đơn vị có liên quan";
        # Lào Cai letter of 2026: "phối hợp với cơ quan liên quan rà soát")
        "phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan",
        "Sơn La",
        ("Các cơ quan, đơn vị liên quan", "Sơn La"),
    ),
    (
        "Công an tỉnh phối hợp với cơ quan liên quan rà soát tổng thể các phương tiện",
        "Lào Cai",
        ("Các cơ quan, đơn vị liên quan", "Lào Cai"),
    ),
    (  # three plural nouns without "các" (Cần Thơ plan of 2025: "Chủ trì, phối hợp với sở,
        # ban, ngành, Ủy ban nhân dân xã, phường"; its heading "2. Sở, ban, ngành thành
        # phố"; Hồ Chí Minh City plan of 2025: "sở, ban, ngành, đoàn thể Thành phố")
        "a) Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường tăng cường",
        "Cần Thơ",
        ("Các sở, ban, ngành", "Cần Thơ"),
    ),
    (
        "**2. Sở, ban, ngành thành phố**",
        "Cần Thơ",
        ("Các sở, ban, ngành", "Cần Thơ"),
    ),
    (
        "phối hợp với sở, ban, ngành, đoàn thể Thành phố hướng dẫn chuyên môn",
        "Hồ Chí Minh",
        ("Các sở, ban, ngành", "Hồ Chí Minh"),
    ),
    (  # a place whose name begins like a head ("Văn phòng", "Công an"): Lào Cai letter and
        # notice of 2026 "Ủy ban nhân dân phường Văn Phú, Ủy ban nhân dân xã Yên Bình";
        # Khánh Hòa's commune Công Hải
        "phối hợp với Ủy ban nhân dân phường Văn Phú, Ủy ban nhân dân xã Yên Bình hoàn thành",
        "Lào Cai",
        ("UBND phường Văn Phú", "Lào Cai"),
    ),
    (
        "Ban Thường trực Ủy ban MTTQ xã Công Hải chủ trì",
        "Khánh Hòa",
        ("Ban Thường trực Ủy ban MTTQ Việt Nam xã Công Hải", "Khánh Hòa"),
    ),
    (  # ... but the next body's head still ends the place ("UBND xã Công an xã")
        "UBND xã Lương Minh Ban Thường trực",
        "Quảng Ninh",
        ("UBND xã Lương Minh", "Quảng Ninh"),
    ),
    (  # a name wrapped over the line's end goes on in lower case (Nghệ An plan of 2025:
        # "các Ban Xây\ndựng Đảng"); "các Ban" before a capital is several bodies of one
        # name, read as named
        "6. Đề nghị Văn phòng Tỉnh ủy và các Ban Xây\ndựng Đảng và Ủy ban Kiểm tra Tỉnh ủy",
        "Nghệ An",
        ("Ban Xây dựng Đảng", "Nghệ An"),
    ),
    (  # Lào Cai notice of 2026: "8. Các Ban Quản lý dự án đầu tư xây dựng"
        "yêu cầu Lãnh đạo các sở, ngành, các Ban Quản lý dự án và Ủy ban nhân dân các xã",
        "Lào Cai",
        ("Ban Quản lý dự án", "Lào Cai"),
    ),
    (  # "sự nghiệp công lập" (the public service units of the law on officials) and
        # "khác" say which bodies (Hồ Chí Minh City letter of 2025: "các cơ quan chuyên môn,
        # cơ quan hành chính khác, các đơn vị sự nghiệp công lập"; Thái Nguyên decision of
        # 2025: "các cơ quan, đơn vị khác")
        "Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự "
        "nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố",
        "Hồ Chí Minh",
        ("Các cơ quan chuyên môn, cơ quan hành chính khác", "Hồ Chí Minh"),
    ),
    (
        "phối hợp với các đơn vị sự nghiệp công lập triển khai",
        "Lào Cai",
        ("Các đơn vị sự nghiệp công lập", "Lào Cai"),
    ),
    (  # "cơ quan" and the words saying which, without "các" (Bộ Y tế letter of 2021:
        # "phối hợp với cơ quan BHXH"; Lào Cai letter of 2026: "cơ quan quản lý nhà nước
        # chuyên ngành"; Đắk Lắk plan of 2025: "phối hợp với cơ quan báo chí")
        "chủ động phối hợp với cơ quan BHXH trong việc kê thêm giường",
        "Lào Cai",
        ("Cơ quan BHXH", "Lào Cai"),
    ),
    (
        "c) Phối hợp chặt chẽ với cơ quan quản lý nhà nước chuyên ngành trong việc rà soát",
        "Lào Cai",
        ("Cơ quan quản lý nhà nước chuyên ngành", "Lào Cai"),
    ),
    (  # a one-letter syllable is a word's first, not an acronym (Hồ Chí Minh City district
        # directive of 2010: "2.1 Phòng Y_tế :"; "Trung tâm Y tế" of many plans)
        "2.1 Phòng Y tế: - Chủ trì phối hợp với các phòng, ban",
        "Hồ Chí Minh",
        ("Phòng Y tế", "Hồ Chí Minh"),
    ),
    (  # the standing committee of a body the gazetteer names is one body (Quảng Ninh
        # commune Front plans of 2025-2026 and a Khánh Hòa ward plan of 2025: "báo cáo về
        # Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh")
        "- Thực hiện chế độ thông tin báo cáo về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.",
        "Quảng Ninh",
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Quảng Ninh"),
    ),
    (  # the provinces' and cities' Party committees, plural (Politburo conclusion 155-KL/TW
        # of 2025: "các tỉnh uỷ, thành uỷ chịu trách nhiệm hướng dẫn"); the last noun before
        # its verb ("các huyện ủy, thị ủy chịu trách nhiệm")
        "trong tháng 5/2025; các tỉnh ủy, thành ủy chịu trách nhiệm hướng dẫn các nội dung",
        None,
        ("Các tỉnh ủy, thành ủy", None),
    ),
    (
        "Phối hợp với các bộ, cơ quan, địa phương triển khai",
        None,
        ("Các bộ, cơ quan, địa phương", None),
    ),
    (  # the Party committee of a body is not the body
        "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo",
        "Lào Cai",
        ("Đảng ủy UBND tỉnh", "Lào Cai"),
    ),
]


@pytest.mark.parametrize(("text", "province", "expected"), OPEN_CASES)
def test_open_class_names(text: str, province: str, expected: tuple[str, str | None]) -> None:
    known = find_mentions(text, province)
    found = [(m.agency.name, m.agency.province) for m in open_mentions(text, province, known)]
    assert expected in found, found


def test_open_class_names_need_a_capitalised_name() -> None:
    text = "Phát triển tỉnh thành trung tâm du lịch; xây dựng trung tâm hành chính tập trung."
    assert open_mentions(text, "Quảng Bình", find_mentions(text, "Quảng Bình")) == []
    # the city itself is not one of its districts
    city = "UBND thành phố Hải Phòng ban hành Kế hoạch"
    names = [m.agency.name for m in open_mentions(city, "Hải Phòng", [])]
    assert "UBND thành phố Hải Phòng" not in names


def test_local_agencies_carry_the_document_province() -> None:
    (m,) = find_mentions("Giao Sở Tài chính chủ trì", "Bình Định")
    assert (m.agency.name, m.agency.province) == ("Sở Tài chính", "Bình Định")
    (m,) = find_mentions("phối hợp với Bộ Tài chính", "Bình Định")
    assert (m.agency.name, m.agency.province) == ("Bộ Tài chính", None)


def test_collective_addressees_are_flagged() -> None:
    found = find_mentions("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.", "Quảng Ngãi")
    assert [(m.agency.name, m.agency.collective) for m in found] == [
        ("Các sở, ban, ngành", True),
        ("UBND các huyện, thị xã, thành phố", True),
    ]


def test_boards_of_another_province_are_not_matched() -> None:
    text = "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp"
    assert find_mentions(text, "Thanh Hóa")[0].agency.name == text
    assert all("Nghi Sơn" not in m.agency.name for m in find_mentions(text, "Quảng Ngãi"))


def test_any_state_body_is_no_body() -> None:
    # "cơ quan nhà nước" alone names no one (Prime Minister's decision of 2026: "Yêu cầu
    # các Bộ, ngành, địa phương và cơ quan nhà nước, các tổ chức, cá nhân cung cấp ...")
    text = "và cơ quan nhà nước, các tổ chức cung cấp thông tin"
    names = [m.agency.name for m in open_mentions(text, None, find_mentions(text, None))]
    assert not any(name.startswith("Cơ quan") for name in names), names


@pytest.mark.parametrize(
    "text",
    [
        # "mọi trường hợp" is every case, not every school (Prime Minister's decision of
        # 2010); "các trường hợp" likewise (Lào Cai letter of 2025)
        "Mọi trường hợp xe mang biển số Khu kinh tế đều bị xử lý theo pháp luật.",
        "Đối với các trường hợp thuộc diện phải giao theo quy định.",
        # a database, not a set of bodies
        "cập nhật vào các cơ sở dữ liệu quốc gia",
    ],
)
def test_a_plural_noun_starting_another_word_is_no_collective(text: str) -> None:
    known = find_mentions(text, "Lào Cai")
    assert open_mentions(text, "Lào Cai", known) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # actors of a forest or construction regulation named by their kind, as written
        # (Quảng Ninh decision of 2025: "c) Các chủ rừng phải thường xuyên canh phòng",
        # "phối hợp chặt chẽ các lực lượng tham gia chữa cháy"; Hà Nội plan of 2025: "Do các
        # nhà đầu tư chủ động tự đảm bảo kinh phí"; VPCP notice of 2025: "tiếp tục chỉ đạo các
        # chủ đầu tư, các nhà thầu")
        ("c) Các chủ rừng phải thường xuyên canh phòng", "Các chủ rừng"),
        ("phối hợp chặt chẽ các lực lượng tham gia chữa cháy", "Các lực lượng"),
        ("Do các nhà đầu tư chủ động tự đảm bảo kinh phí", "Các nhà đầu tư"),
        ("tiếp tục chỉ đạo các chủ đầu tư, các nhà thầu", "Các chủ đầu tư, các nhà thầu"),
        # the committees of every level (the same Quảng Ninh decision: "Ủy ban nhân dân các
        # cấp theo chức năng, nhiệm vụ, quyền hạn phải chỉ đạo")
        ("b)\nỦy ban nhân dân các cấp theo chức năng, nhiệm vụ, quyền hạn phải chỉ đạo thực",
         "Ủy ban nhân dân các cấp"),
        # (Lâm Đồng decision of 2009, word-segmented: "... của Hội_đồng_nhân_dân , UBND các
        # cấp thuộc tỉnh Lâm_Đồng")
        ("pháp_luật của Hội_đồng_nhân_dân , UBND các cấp thuộc tỉnh Lâm_Đồng .", "UBND các cấp"),
    ],
)
def test_actors_named_by_their_kind_are_collectives(text: str, name: str) -> None:
    text = normalize(text).text
    names = [m.agency.name for m in open_mentions(text, "Quảng Ninh", find_mentions(text, None))]
    assert name in names, names


@pytest.mark.parametrize(
    ("text", "province", "name", "scope"),
    [
        # a body whose name goes on to name its province is that province's, whatever the
        # document's own (VPCP notices of 2025: "Ủy ban nhân dân tỉnh Thanh Hóa rà soát",
        # "b) Ủy ban nhân dân tỉnh Hưng Yên khẩn trương"; a Hà Nội plan naming "Công an
        # tỉnh\nQuảng Ninh"), with that province's form of the name
        ("Ủy ban nhân dân tỉnh Thanh Hóa rà soát", None, "UBND tỉnh", "Thanh Hóa"),
        ("b) Ủy ban nhân dân tỉnh Hưng Yên khẩn trương", None, "UBND tỉnh", "Hưng Yên"),
        ("phối hợp với Sở Y tế tỉnh Nghệ An", "Lào Cai", "Sở Y tế", "Nghệ An"),
        ("phối hợp với Công an tỉnh\nQuảng Ninh", "Hà Nội", "Công an tỉnh", "Quảng Ninh"),
        # "Sở Y tế Nghệ An" without the kind word is not read as a scope
        ("Sở Y tế Nghệ An chủ trì", None, "Sở Y tế", None),
    ],
)
def test_a_body_naming_its_province_is_that_province_s(
    text: str, province: str | None, name: str, scope: str | None
) -> None:
    [mention] = find_mentions(text, province)
    assert (mention.agency.name, mention.agency.province) == (name, scope)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the central Party committees of the 2025 reorganisation (Politburo conclusions 127
        # and 155 of 2025: "Giao Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương chủ trì",
        # "Đảng uỷ các cơ quan Đảng Trung ương; Đảng uỷ Chính phủ", "Giao Quân uỷ Trung ương")
        ("- Giao Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương chủ trì",
         "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"),
        ("Đảng uỷ các cơ quan Đảng Trung ương; Đảng uỷ Chính phủ",
         "Đảng ủy các cơ quan Đảng Trung ương"),
        ("- Giao Quân uỷ Trung ương chỉ đạo nghiên cứu", "Quân ủy Trung ương"),
    ],
)
def test_central_party_committees(text: str, name: str) -> None:
    found = open_mentions(text, None, find_mentions(text, None))
    assert (name, "central") in {(m.agency.name, m.agency.level) for m in found}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a department's name goes on in lower case after its first capital, to its verb or
        # the next name (Bộ TN&MT plan of 2022: "1. Cục Biến đổi khí hậu", "phối hợp với Cục
        # Kiểm soát ô nhiễm môi trường, Vụ Môi trường hoàn thiện dự thảo Kế hoạch"; Hà Nội
        # letter of 2025: "Cục Quản lý môi trường y tế - Bộ Y tế"; Prime Minister's decision
        # of 2026: "năng lực cho Cục An toàn bức \nxạ và hạt nhân phục vụ", whose "và hạt
        # nhân" is not read, a "và" before lower case ending a name)
        ("1. Cục Biến đổi khí hậu\n", "Cục Biến đổi khí hậu"),
        ("phối hợp với Cục Kiểm soát ô nhiễm môi trường, Vụ Môi trường hoàn thiện dự thảo Kế "
         "hoạch", "Cục Kiểm soát ô nhiễm môi trường"),
        ("hướng dẫn của Cục Quản lý môi trường y tế - Bộ Y tế về việc",
         "Cục Quản lý môi trường y tế"),
        # ... but a predicate with its object is not part of it
        ("phối hợp với Cục Kiểm soát ô nhiễm môi trường, Vụ Môi trường hoàn thiện dự thảo Kế "
         "hoạch", "Vụ Môi trường"),
    ],
)
def test_a_department_s_name_in_lower_case_after_its_first_capital(text: str, name: str) -> None:
    found = open_mentions(text, None, find_mentions(text, None))
    assert name in {m.agency.name for m in found}, [m.agency.name for m in found]


def test_words_inside_other_words_are_not_agencies() -> None:
    # "trên cơ sở ..." is not a Sở; lower-case "công an" is not Công an tỉnh
    assert find_mentions("trên cơ sở Kế hoạch số 12/KH-UBND", "Nghệ An") == []
    assert find_mentions("phối hợp với lực lượng công an xã", "Nghệ An") == []


# --- near matches: OCR substitutions in long aliases ----------------------------------

_QN_NEAR = [
    # 16-23 skeleton characters: one substitution, not two
    (
        "Giao Bộ Chỉ huy Quật sự tỉnh chủ trì",
        [("Bộ Chỉ huy Quật sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh")],
    ),
    ("Giao Bộ Chỉ huy Quật xự tỉnh chủ trì", []),
    # 24 and more: two, not three
    (
        "Sở Lao động - Thưcng binh và Xã hộl thực hiện",
        [("Sở Lao động - Thưcng binh và Xã hộl", "Sở Lao động - Thương binh và Xã hội")],
    ),
    ("Sở Lao động - Thưcng bxnh và Xã hộl thực hiện", []),
    # twice in one text
    (
        "Sở Lao động - Thưcng binh và Xã hộl, Sở Lao đọng - Thưcng bình và Xã hộl",
        [
            ("Sở Lao động - Thưcng binh và Xã hộl", "Sở Lao động - Thương binh và Xã hội"),
            ("Sở Lao đọng - Thưcng bình và Xã hộl", "Sở Lao động - Thương binh và Xã hội"),
        ],
    ),
    # only at the start of a word (a lower->upper change is one)
    ("XBộ Chỉ huy Quật sự tỉnh chủ trì", []),
    ("xBộ Chỉ huy Quật sự tỉnh chủ trì", [("Bộ Chỉ huy Quật sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh")]),
    # the first two or the next two skeleton characters must be intact
    ("Xở Ldo động - Thương binh và Xã hội thực hiện", []),
    # a tie between equally near aliases goes to the first in skeleton order (bo... < so...)
    ("Xở Giáo dục và Đào tạo chủ trì", [("Xở Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo")]),
    # an exact match is never a near one
    ("Sở Kế hoạch và Đầu tư", [("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư")]),
    ("Sở Kế hoạch và Đầu tu", [("Sở Kế hoạch và Đầu tu", "Sở Kế hoạch và Đầu tư")]),
]


@pytest.mark.parametrize(("text", "expected"), _QN_NEAR)
def test_near_matches(text: str, expected: list[tuple[str, str]]) -> None:
    for province in ("Quảng Ngãi", None):
        found = [(m.text, m.agency.name) for m in find_mentions(text, province)]
        assert found == expected


# --- the folds behind matching: translate tables checked against the per-character rule ---


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _reference_skeleton(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isalnum():
            if ch == "&":
                chars.append("&")
                index.append(i)
            continue
        for c in _fold_char(ch) if ord(ch) > 127 else ch.lower():
            if c.isalnum():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


def _reference_fold_same_length(text: str) -> str:
    return "".join(c.lower() if ord(c) < 128 else (_fold_char(c) or " ")[0] for c in text)


def test_skeleton() -> None:
    assert skeleton("Sở KH&ĐT") == ("sokh&dt", [0, 1, 3, 4, 5, 6, 7])
    assert skeleton("x, Sở Y", 2, 5) == ("so", [3, 4])
    # a letter that folds to several (a Hangul syllable: three jamo) takes the slow path
    skel, index = skeleton("한 Sở")
    assert (len(skel), skel[3:], index) == (5, "so", [0, 0, 0, 2, 3])
    assert fold_same_length("Sở Ngoại vụ, ĐÀ NẴNG") == "so ngoai vu, da nang"


_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("Sở Ngoại vụ ĐÀ NẴNG&-.,ǅİ²①ﬁß한\u0301\x00\x02_ \n"),
        st.characters(),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, st.integers(0, 45), st.integers(0, 45))
def test_folds_agree_with_the_per_character_rule(text: str, a: int, b: int) -> None:
    assert skeleton(text) == _reference_skeleton(text)
    skel, index = _reference_skeleton(text[a:b])
    assert skeleton(text, a, b) == (skel, [i + a for i in index])
    assert fold_same_length(text) == _reference_fold_same_length(text)


_VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(
        "Sở Ngoại vụ ĐÀ NẴNG Kế hoạch và Đầu tư ỦY BAN NHÂN DÂN tỉnh Quảng Ngãi"
        "ăâêôơưđĂÂÊÔƠƯĐ àáảãạ ằắẳẵặ ỳýỷỹỵ&-.,;:()/“”‘’…–—•·°«»\xa0\t\n\r0123456789"
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_VIETNAMESE_TEXT, st.integers(0, 65), st.integers(0, 65))
def test_byte_alphabet_folds_agree_with_the_per_character_rule(text: str, a: int, b: int) -> None:
    """Texts written in the byte alphabet take the bytes path; it folds as the rule does."""
    from vbgraph.loaders.text.fold import encode

    assert encode(text) is not None
    assert skeleton(text) == _reference_skeleton(text)
    skel, index = _reference_skeleton(text[a:b])
    assert skeleton(text, a, b) == (skel, [i + a for i in index])
    assert fold_same_length(text) == _reference_fold_same_length(text)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("So Ngoai vu", "Sở Ngoại vụ"),
        ("sở ngoại vụ", "Sở Ngoại vụ"),
        ("SỞ NGOẠI VỤ", "Sở Ngoại vụ"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("so ke hoach va dau tu", "Sở Kế hoạch và Đầu tư"),
        ("BCH Quan su tinh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("UBMTTQ tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("ngoai vu", "Sở Ngoại vụ"),
        ("Bo Ngoai giao", "Bộ Ngoại giao"),
    ],
)
def test_find_agency_is_diacritics_and_case_insensitive(query: str, name: str) -> None:
    found = find_agency(query, "Quảng Ngãi")
    assert found is not None
    assert found.name == name


def test_find_agency_unknown_query() -> None:
    assert find_agency("Câu lạc bộ bóng đá", "Quảng Ngãi") is None
    assert lookup_agencies("   ") == []


def test_fold() -> None:
    assert fold_name("  Sở  Ngoại vụ\nĐà Nẵng ") == "so ngoai vu da nang"


def test_one_alias_table() -> None:
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names)), "each agency is listed once"


# --- property: every span lies inside the text and reads as the agency it names ---

_PROVINCES = ["Quảng Ngãi", "Thanh Hóa", "Nghệ An", "Đà Nẵng"]
_FILLER = st.sampled_from(
    [
        "tổ chức triển khai",
        "tham mưu UBND tỉnh",
        "thực hiện",
        "; ",
        ", ",
        " và ",
        "\n- ",
        "báo cáo kết quả",
        "(qua ",
        ") ",
        "Giao ",
        "Đề nghị ",
        "phối hợp với ",
        "1. ",
    ]
)


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, str]:
    province = draw(st.sampled_from(_PROVINCES))
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        parts.append(draw(_FILLER))
        entry = draw(st.sampled_from(ENTRIES))
        alias = draw(st.sampled_from((entry.name, *entry.aliases))).lstrip("^")
        alias = alias.replace("{province}", province)
        style = draw(st.sampled_from(["plain", "upper", "glued", "nfd"]))
        if style == "upper":
            alias = alias.upper()
        elif style == "glued":
            alias = alias.replace(" ", "", 1)
        parts.append(alias)
    return "".join(parts), province


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_every_span_is_inside_the_text_and_reads_as_its_agency(doc: tuple[str, str]) -> None:
    text, province = doc
    for m in find_mentions(text, province):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        again = [x.agency for x in find_mentions(m.text, province)]
        assert m.agency in again, (m.text, m.agency.name)


def _reference_layout(text: str, a: int, b: int) -> tuple[str, list[int], bytes]:
    """Skeleton, text indices and flags of ``text[a:b]``, character by character."""
    from vbgraph.loaders.find.agencies import skeleton as sk

    skel, index = skeleton(text, a, b)
    flags = bytearray()
    for i, p in enumerate(index):
        f = sk.FIRST if i == 0 or index[i - 1] != p else 0
        f |= sk.LEFT if sk._left_boundary(text, p, a) else 0
        f |= sk.UPPER if text[p].isupper() else 0
        f |= sk.RIGHT if sk._right_boundary(text, p + 1, b) else 0
        flags.append(f)
    return skel, index, bytes(flags)


def _layout_of(text: str, a: int, b: int) -> tuple[str, list[int], bytes]:
    from vbgraph.loaders.find.agencies.skeleton import layout

    lay = layout(text, a, b)
    return lay.skel, [lay.index[i] for i in range(len(lay.skel))], lay.flags


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ANY_TEXT, _VIETNAMESE_TEXT), st.integers(0, 65), st.integers(0, 65))
def test_layout_agrees_with_skeleton_and_boundaries(text: str, a: int, b: int) -> None:
    """The bulk flags and digit-plane indices match the per-character checks."""
    b = max(a, min(b, len(text)))
    a = min(a, b)
    assert _layout_of(text, a, b) == _reference_layout(text, a, b)


def test_layout_of_long_texts() -> None:
    """Indices past 128**2 take a third digit plane."""
    text = "Sở Ngoại vụ, UBND tỉnh; vàUBND " * 700  # ~22K characters
    assert _layout_of(text, 0, len(text)) == _reference_layout(text, 0, len(text))
    assert _layout_of(text, 17, len(text) - 3) == _reference_layout(text, 17, len(text) - 3)


@pytest.mark.parametrize(
    "text",
    [
        "Ban Quản lý dự án, Báo Quảng Ngãi, Tạp chí X; Trung tâm Y tế các huyện, thị xã; "
        "Chi cục Kiểm lâm, Viện Y, Cảng vụ Hàng hải, Bộ Tư lệnh Vùng 2, Tổng cục Thuế, "
        "Cục Đăng kiểm Việt Nam, UBND huyện Cát Hải, Ủy ban nhân dân thị xã Sơn Tây, "
        "Phòng Tài chính các huyện, Vụ Pháp chế, Văn phòng Bộ, Thanh tra Bộ, các Vụ, Cục, "
        "các đơn vị thuộc Bộ, xCục, ĐTrung tâm, Cục Cục Vụ",
        "TrungTrung tâm Phòng Phòng X các huyện Trung tâm Trung tâm Y cấp huyện",
    ],
)
def test_heads_match_as_finditer_does(text: str) -> None:
    from vbgraph.loaders.find.agencies import names as ag

    patterns = [
        ag._OPEN_HEAD, ag._UNIT_OF_PROVINCE_HEAD, ag._PROPER_HEAD, ag._DISTRICT_UBND,
        ag._DISTRICT_OFFICES, ag._UNIT_HEAD, ag._UNITS_OF_MINISTRY,
    ]  # fmt: skip
    for a, b in ((0, len(text)), (5, len(text) - 7), (30, 90)):
        heads = ag._Heads(text, a, b)
        for pattern in patterns:
            want = [m.span() for m in pattern.finditer(text, a, b)]
            assert [m.span() for m in heads.finditer(pattern)] == want


@pytest.mark.parametrize(
    ("text", "province", "names"),
    [
        (  # a government resolution of 2026 (NQ 15/NQ-CP): the ministries' heading
            "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường\na) Chủ động hướng dẫn.",
            None,
            ["Bộ Y tế", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường"],
        ),
        (  # a provincial directive of 2009, word-segmented, spaces before the commas
            "phối_hợp với các Sở : Kế_hoạch và Đầu_tư , Xây_dựng , Giao_thông Vận_tải "
            "thực_hiện",
            "Đồng Nai",
            ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Giao thông vận tải"],
        ),
        (  # a provincial letter of 2026: names with their own commas and "và", a list that
            # ends where no known name follows
            "Các Sở: Văn hóa, Thể thao và Du lịch, Tài chính và Ủy ban nhân dân các xã",
            "Lào Cai",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"],
        ),
    ],
)
def test_an_elliptical_list_names_each_body(text: str, province: str | None,
                                            names: list[str]) -> None:
    from vbgraph.loaders.text.normalize import normalize

    norm = normalize(text).text
    found = [m.agency.name for m in open_mentions(norm, province, find_mentions(norm, province))]
    assert [n for n in found if n in names] == names


def test_a_listed_collective_read_over_the_whole_phrase() -> None:
    # a Government action programme (NQ 100/NQ-CP of 2026): "cơ quan thuộc Chính phủ" is
    # part of the collective, not the Government
    text = ("2. Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các \n"
            "tỉnh, thành phố trực thuộc Trung ương có trách nhiệm rà soát")
    found = [(m.agency.name, text[m.start:m.end])
             for m in open_mentions(text, None, find_mentions(text, None))]
    assert found[0] == ("Các Bộ, ngành Trung ương",
                        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ")
    assert "Chính phủ" not in [name for name, _ in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the regional units of central bodies after the 2025 reform, "nhà nước" in lower case
        # and the region's number in the name (Nghệ An plan 1026/KH-UBND of 2025; Bắc Ninh
        # plan 144/KH-UBND of 2025, whose holder heading is the unit's name alone)
        ("án nhân dân tỉnh, Thuế tỉnh, Kiểm toán nhà nước khu vực II, Kho bạc nhà nước\n"
         "khu vực XI, Ngân hàng nhà nước khu vực 8, Chi cục Hải quan khu vực XI tăng\n"
         "cường công tác bảo vệ bí mật nhà nước",
         ["Kiểm toán nhà nước khu vực II", "Kho bạc nhà nước khu vực XI",
          "Ngân hàng nhà nước khu vực 8", "Chi cục Hải quan khu vực XI"]),
        ("**12. Ngân\nhàng nhà nước khu vực XII**\n\nChủ động triển khai thực hiện Kế\nhoạch",
         ["Ngân hàng nhà nước khu vực XII"]),
    ],
)
def test_a_central_body_s_regional_unit_is_named_with_its_region(
    text: str, names: list[str]
) -> None:
    text = normalize(text).text  # as extraction reads it (the page's bold marks aside)
    found = [m.agency.name for m in open_mentions(text, "Nghệ An", find_mentions(text, "Nghệ An"))]
    assert all(n in found for n in names), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a department's name in two parts joined by a hyphen, the second reading as a verb
        # (Lào Cai Sở Công Thương plan of 2026 and its internal letter of 2026)
        ("4. Phòng Kế hoạch - Tổng hợp: Là đầu mối tổng hợp, theo dõi tiến độ thực hiện",
         "Phòng Kế hoạch - Tổng hợp"),
        ("đề nghị Phòng Kế hoạch - Tổng hợp nghiên cứu, tổng hợp", "Phòng Kế hoạch - Tổng hợp"),
        # ... but a bullet on the next line opening with that verb is not part of it
        # (a composed fixture)
        ("1. Phòng Kế hoạch\n- Tổng hợp kết quả", "Phòng Kế hoạch"),
    ],
)
def test_a_hyphened_second_part_of_a_name(text: str, name: str) -> None:
    found = open_mentions(text, "Lào Cai", find_mentions(text, "Lào Cai"))
    assert name in {m.agency.name for m in found}, [m.agency.name for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a union of associations is one body, not the collective "các Hội" inside its name
        # (Đồng Tháp plan 552/KH-UBND of 2025, a table's cell; a 2018 decision's issuer as a
        # public page names it, "theo QĐ 934/QĐ-LHHVN ... của Liên hiệp ... Việt Nam")
        ("|\nLiên hiệp các Hội Khoa học và Kỹ thuật\n|\nSở, ban, ngành có liên quan\n|",
         ("Liên hiệp các Hội Khoa học và Kỹ thuật", "Đồng Tháp")),
        ("thành lập theo QĐ 934/QĐ-LHHVN ngày 12/9/2018 của Liên hiệp các Hội Khoa học và Kỹ "
         "thuật Việt Nam", ("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", None)),
    ],
)
def test_a_union_of_associations_is_one_body(text: str, expected: tuple[str, str | None]) -> None:
    found = open_mentions(text, "Đồng Tháp", find_mentions(text, "Đồng Tháp"))
    assert expected in {(m.agency.name, m.agency.province) for m in found}, found
