"""The agency gazetteer: every canonical agency name and every alias, in one table.

Each :class:`AgencyEntry` is one agency (or one collective addressee).  ``name``
is the canonical full name used in the graph and in the gold files; ``aliases``
are the other ways documents write it (abbreviations, older names, word-order
variants).  Punctuation, case, spacing and diacritics are ignored when matching
(see :mod:`vbgraph.loaders.agencies`), so ``Sở Lao động, Thương binh và Xã hội``
and ``Sở Lao động-Thương binh và Xãhội`` need no alias of their own; ``&``
abbreviations (``Sở KH&ĐT``) do.

``{province}`` in a name or alias is filled with the document's province
(``Báo {province}`` -> ``Báo Quảng Ngãi``).  ``level`` is ``"local"`` for bodies
of the document's province (they carry its province) and ``"central"`` for
national bodies (province ``None``).  ``provinces`` restricts an entry to the
provinces where that agency exists (economic-zone boards, local newspapers).
Aliases starting with ``^`` only match when the text writes their first letter
in upper case (``^Công an`` is the provincial police, ``lực lượng công an`` is
not an agency).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    name: str
    aliases: tuple[str, ...] = ()
    level: str = "local"  # "local" | "central"
    collective: bool = False
    provinces: tuple[str, ...] = ()  # empty: every province
    kind: str = "state"  # state | party | front | mass | press | bank | military | collective


def _e(
    name: str,
    *aliases: str,
    level: str = "local",
    collective: bool = False,
    provinces: tuple[str, ...] = (),
    kind: str = "state",
) -> AgencyEntry:
    return AgencyEntry(name, tuple(aliases), level, collective, provinces, kind)


def _c(name: str, *aliases: str, level: str = "local") -> AgencyEntry:
    return AgencyEntry(name, tuple(aliases), level, True, (), "collective")


_HCM = ("Hồ Chí Minh", "Thành phố Hồ Chí Minh")

ENTRIES: tuple[AgencyEntry, ...] = (
    # --- provincial departments (Sở) -------------------------------------------------
    _e("Sở Ngoại vụ", "Sở Ngoại Vụ", "SNgV"),
    _e("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở KHĐT", "Sở Kế hoạch - Đầu tư", "Sở KH và ĐT"),
    _e("Sở Tài chính", "Sở TC"),
    _e("Sở Công Thương", "Sở Công nghiệp và Thương mại"),
    _e(
        "Sở Nội vụ",
    ),
    _e(
        "Sở Tư pháp",
    ),
    _e(
        "Sở Xây dựng",
    ),
    _e(
        "Sở Y tế",
    ),
    _e("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở GDĐT", "Sở GD và ĐT"),
    _e("Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN", "Sở KH và CN"),
    _e("Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT", "Sở TT và TT"),
    _e("Sở Tài nguyên và Môi trường", "Sở TN&MT", "Sở TNMT", "Sở TN và MT"),
    _e(
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        "Sở NNPTNT",
        "Sở NN và PTNT",
        "Sở Nông nghiệp & PTNT",
        "Sở Nông nghiệp và PTNT",
    ),
    _e("Sở Nông nghiệp và Môi trường", "Sở NN&MT", "Sở NNMT"),
    _e(
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐ-TB&XH",
        "Sở LĐTB&XH",
        "Sở LĐTBXH",
        "Sở LĐ, TB và XH",
        "Sở Lao động - TB&XH",
    ),
    _e(
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở VH,TT&DL",
        "Sở VHTT&DL",
        "Sở VHTTDL",
        "Sở VH, TT và DL",
    ),
    _e("Sở Văn hóa và Thể thao", "Sở VH&TT"),
    _e(
        "Sở Du lịch",
    ),
    _e("Sở Giao thông vận tải", "Sở GTVT", "Sở Giao thông - Vận tải"),
    _e(
        "Sở Dân tộc và Tôn giáo",
    ),
    _e(
        "Sở Quy hoạch - Kiến trúc",
    ),
    _e("Ban Dân tộc tỉnh", "Ban Dân tộc"),
    _e(
        "Thanh tra tỉnh",
    ),
    _e("Tòa án nhân dân tỉnh", "Tòa án nhân dân tỉnh {province}", "TAND tỉnh"),
    _e("Viện Kiểm sát nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh {province}", "VKSND tỉnh"),
    _e(
        "Văn phòng UBND tỉnh",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "VP UBND tỉnh",
        "Văn phòng UBND tỉnh {province}",
        "Văn phòng Ủy ban nhân dân tỉnh {province}",
    ),
    _e(
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh {province}",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh {province}",
        "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân tỉnh",
        "Văn phòng Đoàn ĐBQH, HĐND tỉnh",
        "VP Đoàn ĐBQH và HĐND tỉnh",
        "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh",
    ),
    # --- provincial boards, committees, units ----------------------------------------
    _e(
        "Ban Chỉ đạo về hội nhập quốc tế tỉnh",
        "Ban Chỉ đạo hội nhập quốc tế tỉnh",
        "Ban Chỉ đạo về hội nhập quốc tế của tỉnh",
    ),
    _c(
        "Các Ban Chỉ đạo liên ngành về hội nhập quốc tế",
        "các Ban Chỉ đạo liên ngành hội nhập quốc tế",
    ),
    _e(
        "Ban Chỉ đạo liên ngành hội nhập quốc tế về kinh tế",
        "Ban Chỉ đạo liên ngành về hội nhập quốc tế về kinh tế",
    ),
    _e(
        "Ban Hội nhập kinh tế quốc tế tỉnh",
        "Ban Hội nhập kinh tế quốc tế của tỉnh",
    ),
    _e(
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
        "Trung tâm Xúc tiến Đầu tư - Thương mại - Du lịch",
        "Trung tâm XTĐT, TM và DL",
    ),
    _e(
        "Đài Phát thanh và Truyền hình tỉnh",
        "Đài Phát thanh truyền hình tỉnh",
        "Đài Phát thanh - Truyền hình tỉnh",
        "Đài PT-TH tỉnh",
        "Đài PT&TH tỉnh",
        "Đài PT và TH tỉnh",
        "Đài PTTH tỉnh",
        "Đài Phát thanh và Truyền hình {province}",
        "Đài Phát thanh - Truyền hình {province}",
        "Đài PT-TH {province}",
        kind="press",
    ),
    _e("Báo {province}", kind="press"),
    # Hồ Chí Minh City keeps television and radio apart (and its own dailies)
    _e("Đài Truyền hình tỉnh", "HTV", provinces=_HCM, kind="press"),
    _e("Đài Tiếng nói Nhân dân tỉnh", "VOH", provinces=_HCM, kind="press"),
    _e("Báo Sài Gòn Giải Phóng", "Báo Sài Gòn Giải phóng", provinces=_HCM, kind="press"),
    _e("Báo Người Lao Động", "Báo Người Lao động", provinces=_HCM, kind="press"),
    _e(
        "Báo Văn hóa và Đời sống",
        "Báo Văn hóa đời sống",
        "Báo Văn hóa & Đời sống",
        provinces=("Thanh Hóa",),
        kind="press",
    ),
    _e("Cổng Thông tin điện tử tỉnh", "Cổng TTĐT tỉnh", kind="press"),
    # --- economic zones and industrial parks (real boards, scoped to their province) --
    _e(
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp",
        "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi",
        "Ban Quản lý KKT Dung Quất và các KCN",
        "BQL KKT Dung Quất và các KCN Quảng Ngãi",
        "BQL KKT Dung Quất và các KCN",
        provinces=("Quảng Ngãi",),
    ),
    _e("Ban Quản lý Khu kinh tế Dung Quất", "BQL KKT Dung Quất", provinces=("Quảng Ngãi",)),
    _e(
        "Ban Quản lý các khu công nghiệp Quảng Ngãi",
        "Ban Quản lý các KCN Quảng Ngãi",
        provinces=("Quảng Ngãi",),
    ),
    _e(
        "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp",
        "Ban Quản lý Khu kinh tế Nghi Sơn và các KCN",
        "Ban Quản lý KKT Nghi Sơn và các KCN",
        "BQL KKT Nghi Sơn và các KCN",
        "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp tỉnh Thanh Hóa",
        provinces=("Thanh Hóa",),
    ),
    _e(
        "Ban Quản lý các Khu kinh tế và khu công nghiệp tỉnh Quảng Nam",
        "Ban Quản lý các Khu kinh tế và khu công nghiệp tỉnh",
        provinces=("Quảng Nam",),
    ),
    _e("Ban Quản lý Khu kinh tế Đông Nam Nghệ An", "BQL KKT Đông Nam", provinces=("Nghệ An",)),
    _e("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh {province}", "BQL KKT tỉnh"),
    _e(
        "Ban Quản lý các khu công nghiệp tỉnh",
        "Ban Quản lý các KCN tỉnh",
        "BQL các KCN tỉnh",
        "Ban Quản lý các KCN",
        "Ban Quản lý các khu công nghiệp",
        "BQL các KCN",
    ),
    _e(
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Trung tâm Phục vụ hành chính công tỉnh {province}",
        "Trung tâm Hành chính công tỉnh",
        "Trung tâm Hành chính công tỉnh {province}",
        "Trung tâm PVHCC tỉnh",
    ),
    _e("Trung tâm Truyền thông tỉnh", "Trung tâm Truyền thông tỉnh {province}"),
    _e(
        "Trung tâm Khuyến nông tỉnh",
        "Trung tâm Khuyến nông tỉnh {province}",
        "Trung tâm Khuyến nông",
        "TTKN tỉnh",
    ),
    _e(
        "Chi cục Trồng trọt và Bảo vệ thực vật",
        "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh",
        "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh {province}",
        "Chi cục Trồng trọt và BVTV",
        "Chi cục TT&BVTV",
        "Chi cục TT và BVTV",
    ),
    _e("Chi cục Chăn nuôi và Thú y", "Chi cục Chăn nuôi và Thú y tỉnh", "Chi cục CN&TY"),
    _e("Chi cục Thủy sản", "Chi cục Thủy sản tỉnh"),
    _e("Chi cục Kiểm lâm", "Chi cục Kiểm lâm tỉnh"),
    _e("Chi cục Thủy lợi", "Chi cục Thủy lợi tỉnh"),
    _e("Chi cục Phát triển nông thôn", "Chi cục Phát triển nông thôn tỉnh"),
    _e("Cảng vụ Hàng hải {province}"),
    _e("Văn phòng Đăng ký đất đai tỉnh", "Văn phòng Đăng ký đất đai", "VPĐKĐĐ tỉnh"),
    _e(
        "Đài Khí tượng Thủy văn tỉnh",
        "Đài Khí tượng thủy văn tỉnh {province}",
        "Đài KTTV tỉnh",
    ),
    # --- police and military ----------------------------------------------------------
    _e("Công an tỉnh", "Công an tỉnh {province}", "CA tỉnh", "^Công an", kind="military"),
    _e(
        "Bộ Chỉ huy Quân sự tỉnh",
        "BCH Quân sự tỉnh",
        "Bộ CHQS tỉnh",
        "BCHQS tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh {province}",
        kind="military",
    ),
    _e(
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "BCH Bộ đội Biên phòng tỉnh",
        "Bộ Chỉ huy BĐBP tỉnh",
        "Bộ CH BĐBP tỉnh",
        "BĐBP tỉnh",
        "Bộ đội Biên phòng tỉnh",
        kind="military",
    ),
    # --- banks, tax, customs, treasury ----------------------------------------------
    _e(
        "Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh {province}",
        "Ngân hàng Nhà nước Việt Nam chi nhánh {province}",
        "Ngân hàng Nhà nước chi nhánh tỉnh {province}",
        "Ngân hàng Nhà nước chi nhánh {province}",
        "Ngân hàng Nhà nước chi nhánh tỉnh",
        "Ngân hàng Nhà nước tỉnh",
        "NHNN chi nhánh tỉnh",
        "NHNN chi nhánh {province}",
        "Chi nhánh Ngân hàng Nhà nước tỉnh",
        kind="bank",
    ),
    _e(
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
        "Ngân hàng Chính sách xã hội tỉnh",
        kind="bank",
    ),
    _e("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước {province}", kind="bank"),
    _e("Cục Thuế tỉnh", "Cục Thuế {province}", "Cục Thuế tỉnh {province}", "^Cục Thuế"),
    _e("Cục Hải quan {province}", "Cục Hải quan tỉnh", "Cục Hải quan tỉnh {province}"),
    _e("Cục Thống kê tỉnh", "Cục Thống kê {province}"),
    _e("Bảo hiểm xã hội tỉnh", "BHXH tỉnh"),
    _e("Bảo hiểm xã hội Việt Nam", "BHXH Việt Nam", level="central"),
    # --- People's Council: its standing body and committees -----------------------------
    _e("Hội đồng nhân dân tỉnh", "HĐND tỉnh"),
    # only kept where the People's Council assigns its Committee (see responsibilities)
    _e(
        "UBND tỉnh",
        "Ủy ban nhân dân tỉnh",
        "UBND tỉnh {province}",
        "Ủy ban nhân dân tỉnh {province}",
    ),
    _e("Thường trực Hội đồng nhân dân tỉnh", "Thường trực HĐND tỉnh"),
    _c(
        "Các Ban của Hội đồng nhân dân tỉnh",
        "các Ban của HĐND tỉnh",
        "các Ban Hội đồng nhân dân tỉnh",
        "các Ban HĐND tỉnh",
    ),
    _c(
        "Các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu và đại biểu HĐND tỉnh",
        "các Tổ đại biểu Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu HĐND tỉnh",
    ),
    # --- Fatherland Front, mass organisations, associations ------------------------------
    _e(
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {province}",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Ủy ban MTTQ tỉnh",
        "UBMTTQ Việt Nam tỉnh",
        "UBMTTQVN tỉnh",
        "UBMTTQ tỉnh",
        "Mặt trận Tổ quốc Việt Nam tỉnh",
        "Mặt trận Tổ quốc tỉnh",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ban Thường trực UBMTTQ Việt Nam tỉnh",
        kind="front",
    ),
    _c(
        "Các tổ chức chính trị - xã hội tỉnh",
        "các tổ chức chính trị - xã hội",
        "các tổ chức chính trị - xã hội trên địa bàn tỉnh",
        "các tổ chức đoàn thể, tổ chức chính trị - xã hội",
        "các tổ chức đoàn thể",
        "các đoàn thể cấp tỉnh",
        "các đoàn thể chính trị - xã hội",
        "các tổ chức chính trị-xã hội",
        "các đoàn thể",
    ),
    _c("Các hội, đoàn thể", "các hội, đoàn thể", "các hội đoàn thể", "các hội, đoàn thể tỉnh"),
    _e(
        "Tỉnh Đoàn",
        "Tỉnh đoàn",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        "Ban Thường vụ Tỉnh đoàn",
        "Ban Chấp hành Tỉnh đoàn",
        kind="mass",
    ),
    _e("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", kind="mass"),
    _e("Hội Nông dân tỉnh", kind="mass"),
    _e("Hội Cựu chiến binh tỉnh", kind="mass"),
    _e(
        "Liên đoàn Lao động tỉnh {province}",
        "Liên đoàn Lao động Việt Nam tỉnh {province}",
        "Liên đoàn Lao động tỉnh",
        "LĐLĐ tỉnh",
        kind="mass",
    ),
    _e("Liên minh Hợp tác xã tỉnh", "Liên minh HTX tỉnh", "Liên minh Hợp tác xã", kind="mass"),
    _e(
        "Liên hiệp các tổ chức hữu nghị tỉnh",
        "Liên hiệp các tổ chức hữu nghị tỉnh {province}",
        kind="mass",
    ),
    _e(
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        "Liên hiệp các Hội KH&KT tỉnh",
        kind="mass",
    ),
    _e("Hiệp hội Doanh nghiệp tỉnh", "Hiệp hội Doanh nghiệp tỉnh {province}", kind="mass"),
    _e("Hội Doanh nhân trẻ tỉnh", kind="mass"),
    _e(
        "Phòng Thương mại và Công nghiệp Việt Nam (VCCI) Chi nhánh {province}",
        "VCCI Chi nhánh {province}",
        "VCCI {province}",
        "Phòng Thương mại và Công nghiệp Việt Nam Chi nhánh {province}",
        "Phòng Thương mại và Công nghiệp Việt Nam chi nhánh tại {province}",
        kind="mass",
    ),
    # --- Party committees and their boards -------------------------------------------
    _e("Ban Tuyên giáo Tỉnh ủy", kind="party"),
    _e("Ban Tuyên giáo và Dân vận Tỉnh ủy", kind="party"),
    _e("Ban Dân vận Tỉnh ủy", kind="party"),
    _e("Ban Tổ chức Tỉnh ủy", kind="party"),
    _e("Ban Nội chính Tỉnh ủy", kind="party"),
    _e("Ban Kinh tế Tỉnh ủy", kind="party"),
    _e("Ủy ban Kiểm tra Tỉnh ủy", kind="party"),
    _e("Văn phòng Tỉnh ủy", kind="party"),
    _e("Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", kind="party"),
    _e("Đảng ủy Khối các cơ quan tỉnh", kind="party"),
    _e(
        "Đảng đoàn Hội đồng nhân dân tỉnh",
        "Đảng đoàn HĐND tỉnh",
        kind="party",
    ),
    # the Party group of a mass organisation is its own body, not the organisation
    _e(
        "Đảng đoàn Hội Liên hiệp Phụ nữ tỉnh",
        "Đảng đoàn Hội LHPN tỉnh",
        kind="party",
    ),
    _e("Đảng đoàn Hội Nông dân tỉnh", kind="party"),
    _e("Đảng đoàn Hội Cựu chiến binh tỉnh", kind="party"),
    _e(
        "Đảng đoàn Liên đoàn Lao động tỉnh",
        "Đảng đoàn LĐLĐ tỉnh",
        kind="party",
    ),
    _e(
        "Ban cán sự đảng Ủy ban nhân dân tỉnh",
        "Ban cán sự đảng UBND tỉnh",
        "Ban Cán sự Đảng UBND tỉnh",
        kind="party",
    ),
    _e(
        "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh",
        "Đảng đoàn Ủy ban MTTQ tỉnh",
        "Đảng đoàn MTTQ tỉnh",
        "Đảng đoàn Mặt trận Tổ quốc tỉnh",
        kind="party",
    ),
    _c(
        "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        "các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        "các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy",
        "các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc",
        "các huyện ủy, thành ủy, đảng ủy trực thuộc",
        "các huyện, thị, thành ủy và đảng ủy trực thuộc",
    ),
    _c(
        "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
        "các ban xây dựng Đảng Tỉnh ủy",
    ),
    # --- collective addressees -----------------------------------------------------------
    _c(
        "Các sở, ban, ngành",
        "các sở, ban ngành",
        "các sở, ban, ngành tỉnh",
        "các sở, ngành",
        "các sở ban ngành",
        "các sở, ban, ngành, đơn vị cấp tỉnh",
        "các sở, ngành, đơn vị",
        "các ngành chức năng",
        "các ngành liên quan",
        "các sở, ban, ngành, đoàn thể",
        "^Các ngành",
        "các Sở, Ban, Ngành",
        "các sở, Thủ trưởng các ban, ngành",
        "các sở, Thủ trưởng các ban, ngành cấp tỉnh",
    ),
    _c(
        "UBND các huyện, thị xã, thành phố",
        "UBND các huyện, thành phố",
        "UBND các huyện, thị xã",
        "UBND các huyện",
        "UBND cấp huyện",
        "UBND các quận, huyện",
        "UBND các huyện, thị, thành phố",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
        "Ủy ban nhân dân các huyện, thành phố",
        "Ủy ban nhân dân các huyện",
        "Ủy ban nhân dân cấp huyện",
        "UBND các huyện, thị xã, thành phố trực thuộc tỉnh",
        "UBND các huyện, thành phố, thị xã",
        "Ủy ban nhân dân các huyện, thành phố, thị xã",
        "UBND quận, huyện",
        "Ủy ban nhân dân quận, huyện",
        "Ủy ban nhân dân các quận, huyện",
    ),
    _c(
        "Phòng Nông nghiệp và Phát triển nông thôn các huyện, thị xã, thành phố",
        "Phòng Nông nghiệp và Phát triển nông thôn các huyện, thành phố",
        "Phòng Nông nghiệp và Phát triển nông thôn các huyện",
        "Phòng Nông nghiệp và Phát triển nông thôn cấp huyện",
        "Phòng Nông nghiệp và PTNT các huyện, thị xã, thành phố",
        "Phòng Nông nghiệp và PTNT các huyện, thành phố",
        "Phòng Nông nghiệp và PTNT các huyện",
        "Phòng NN&PTNT các huyện, thị xã, thành phố",
        "Phòng NN&PTNT các huyện, thành phố",
        "Phòng NN&PTNT các huyện",
        "Phòng NN&PTNT cấp huyện",
    ),
    _c(
        "Các cơ quan, đơn vị liên quan",
        "các cơ quan, đơn vị liên quan",
        "các cơ quan, đơn vị có liên quan",
        "các cơ quan liên quan",
        "các cơ quan có liên quan",
        "các đơn vị liên quan",
        "các đơn vị có liên quan",
        "các tổ chức, đơn vị có liên quan",
        "các cơ quan, đơn vị",
        "các ngành, đơn vị liên quan",
    ),
    _c("Các cấp, các ngành", "các cấp, các ngành"),
    _c(
        "Các cơ quan Trung ương đóng trên địa bàn tỉnh",
        "các cơ quan Trung ương đóng trên địa bàn",
        "các cơ quan Trung ương trên địa bàn tỉnh",
    ),
    _c(
        "Các trường đại học, cao đẳng trên địa bàn tỉnh",
        "các trường đại học, cao đẳng",
        "các trường đại học, cao đẳng trên địa bàn",
    ),
    _c(
        "Các tổ chức, doanh nghiệp và hội đoàn thể liên quan",
        "các tổ chức, doanh nghiệp và hội đoàn thể",
    ),
    # --- central ministries and bodies ------------------------------------------------
    _e("Bộ Ngoại giao", level="central"),
    _e("Bộ Công Thương", level="central"),
    _e("Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT", "Bộ KHĐT", level="central"),
    _e("Bộ Tài chính", level="central"),
    _e("Bộ Tài nguyên và Môi trường", "Bộ TN&MT", "Bộ TNMT", level="central"),
    _e("Bộ Giao thông vận tải", "Bộ GTVT", level="central"),
    _e("Bộ Xây dựng", level="central"),
    _e("Bộ Nội vụ", level="central"),
    _e("Bộ Tư pháp", level="central"),
    _e("Bộ Y tế", level="central"),
    _e("Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", level="central"),
    _e("Bộ Khoa học và Công nghệ", "Bộ KH&CN", level="central"),
    _e("Bộ Thông tin và Truyền thông", "Bộ TT&TT", level="central"),
    _e("Bộ Văn hóa, Thể thao và Du lịch", "Bộ VHTTDL", level="central"),
    _e("Bộ Lao động - Thương binh và Xã hội", "Bộ LĐ-TB&XH", "Bộ LĐTBXH", level="central"),
    _e("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ NN&PTNT", level="central"),
    _e("Bộ Nông nghiệp và Môi trường", level="central"),
    _e("Bộ Dân tộc và Tôn giáo", level="central"),
    _e("Bộ Quốc phòng", level="central"),
    _e("Bộ Công an", level="central"),
    _e("Ngân hàng Nhà nước Việt Nam", level="central", kind="bank"),
    _e("Văn phòng Chính phủ", level="central"),
    _e("Thanh tra Chính phủ", level="central"),
    _e("Ủy ban Dân tộc", level="central"),
    _e("Ban Đối ngoại Trung ương", level="central", kind="party"),
    _e("Ban Tuyên giáo Trung ương", level="central", kind="party"),
    _e(
        "Ban Chỉ đạo quốc gia về hội nhập quốc tế",
        "Ban Chỉ đạo quốc gia về HNQT",
        level="central",
    ),
    _e(
        "Cục Đầu tư nước ngoài (Bộ Kế hoạch và Đầu tư)",
        "Cục Đầu tư nước ngoài",
        level="central",
    ),
    _e(
        "Cục Xúc tiến Thương mại (Bộ Công Thương)",
        "Cục Xúc tiến Thương mại",
        level="central",
    ),
    # a name with a comma of its own ("khám, chữa bệnh") that open reading would cut
    _e(
        "Cục Quản lý Khám, chữa bệnh (Bộ Y tế)",
        "Cục Quản lý Khám, chữa bệnh",
        "Cục Quản lý Khám chữa bệnh",
        "Cục Quản lý khám, chữa bệnh",
        level="central",
    ),
    # general departments and central departments under a ministry
    _e("Tổng cục Thuế (Bộ Tài chính)", "Tổng cục Thuế", level="central"),
    _e("Tổng cục Hải quan (Bộ Tài chính)", "Tổng cục Hải quan", level="central"),
    _e("Tổng cục Dự trữ Nhà nước (Bộ Tài chính)", "Tổng cục Dự trữ Nhà nước", level="central"),
    _e("Tổng cục Thống kê (Bộ Kế hoạch và Đầu tư)", "Tổng cục Thống kê", level="central"),
    _e(
        "Tổng cục Quản lý thị trường (Bộ Công Thương)",
        "Tổng cục Quản lý thị trường",
        level="central",
    ),
    _e("Tổng cục Du lịch (Bộ Văn hóa, Thể thao và Du lịch)", "Tổng cục Du lịch", level="central"),
    _e(
        "Tổng cục Thể dục thể thao (Bộ Văn hóa, Thể thao và Du lịch)",
        "Tổng cục Thể dục thể thao",
        level="central",
    ),
    _e(
        "Tổng cục Tiêu chuẩn Đo lường Chất lượng (Bộ Khoa học và Công nghệ)",
        "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
        level="central",
    ),
    _e(
        "Tổng cục Đường bộ Việt Nam (Bộ Giao thông vận tải)",
        "Tổng cục Đường bộ Việt Nam",
        level="central",
    ),
    _e(
        "Tổng cục Giáo dục nghề nghiệp (Bộ Lao động - Thương binh và Xã hội)",
        "Tổng cục Giáo dục nghề nghiệp",
        level="central",
    ),
    _e(
        "Tổng cục Thủy sản (Bộ Nông nghiệp và Phát triển nông thôn)",
        "Tổng cục Thủy sản",
        level="central",
    ),
    _e(
        "Tổng cục Lâm nghiệp (Bộ Nông nghiệp và Phát triển nông thôn)",
        "Tổng cục Lâm nghiệp",
        level="central",
    ),
    _e(
        "Tổng cục Thủy lợi (Bộ Nông nghiệp và Phát triển nông thôn)",
        "Tổng cục Thủy lợi",
        level="central",
    ),
    _e(
        "Tổng cục Quản lý đất đai (Bộ Tài nguyên và Môi trường)",
        "Tổng cục Quản lý đất đai",
        level="central",
    ),
    _e(
        "Tổng cục Môi trường (Bộ Tài nguyên và Môi trường)",
        "Tổng cục Môi trường",
        level="central",
    ),
    _e(
        "Tổng cục Biển và Hải đảo Việt Nam (Bộ Tài nguyên và Môi trường)",
        "Tổng cục Biển và Hải đảo Việt Nam",
        level="central",
    ),
    _e("Cục Hàng hải Việt Nam", level="central"),
    _e("Cục Đường thủy nội địa Việt Nam", level="central"),
    _e("Cục Hàng không Việt Nam", level="central"),
    _e("Cục Đường sắt Việt Nam", level="central"),
    _e("Cục Đăng kiểm Việt Nam", level="central"),
    _e(
        "Bộ Tư lệnh Bộ đội Biên phòng",
        "Bộ Tư lệnh BĐBP",
        level="central",
        kind="military",
    ),
    _e(
        "Bộ Tư lệnh Cảnh sát biển Việt Nam",
        "Bộ Tư lệnh Cảnh sát biển",
        level="central",
        kind="military",
    ),
    _c(
        "Các Bộ, ngành Trung ương",
        "các Bộ, ngành trung ương",
        "các Bộ, ngành",
        "các bộ, ngành Trung ương",
        "các cơ quan Trung ương",
        "các Bộ, cơ quan Trung ương",
        "các Bộ, cơ quan ngang Bộ",
        level="central",
    ),
    _c(
        "Các cơ quan đại diện Việt Nam ở nước ngoài",
        "các cơ quan đại diện Việt Nam tại nước ngoài",
        "các cơ quan đại diện của Việt Nam ở nước ngoài",
        "các cơ quan đại diện của Việt Nam tại nước ngoài",
        "các cơ quan đại diện ngoại giao Việt Nam ở nước ngoài",
        "cơ quan đại diện Việt Nam tại nước ngoài",
        "cơ quan đại diện Việt Nam ở nước ngoài",
        "các cơ quan đại diện Việt Nam",
        level="central",
    ),
)
