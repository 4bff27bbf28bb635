//! CJK radicals read as the ideographs they look like.
//!
//! A PDF's font often draws an ideograph and the radical of the same shape
//! with one glyph (支 and the Kangxi radical ⽀, 门 and ⻔), and the PDF's
//! text layer may name the radical: the text copied or extracted from it
//! reads "预算⽀出总表", which is no title a template knows, and "部⻔" no
//! 部门. Each radical is read as the ideograph that shares its glyph in a
//! simplified-Chinese font (Noto Sans CJK SC): Unicode's compatibility
//! mapping (NFKC) for the Kangxi radicals but for ⼾, which shares 户's
//! glyph rather than 戶's, and the simplified forms of the CJK Radicals
//! Supplement (⻔ 门, ⻋ 车, ⻓ 长), which NFKC leaves as they are. A
//! radical no ideograph shares its glyph with stays itself. One character
//! for one, of the same UTF-8 length: nothing else in a line moves.

use alloc::borrow::Cow;

/// The ideographs of U+2E80 ..= U+2EF3 (CJK Radicals Supplement), in
/// order; a radical that no ideograph shares its glyph with is itself.
const SUPPLEMENT: &str = "\
    ⺀⺁乛乚⺄亻⺆⺇⺈刂⺊㔾⺌⺍⺎尣尢⺑巳幺彑彐忄⺗扌攵⺚旡⺜⺝歺母民氵⺢灬爫⺥丬⺧\
    犭⺩⺪⺫⺬礻⺮糹纟罓⺲㓁⺴⺵⺶⺷⺸耂肀⺻⺼⺽艹⺿⻀⻁衤⻃⻄见角⻇讠贝⻊车辶⻍⻎⻏\
    钅長镸长门⻕阝⻗青韦页风飞食⻞飠饣⻡马骨鬼鱼鸟卤麦黄黾斉齐⻭齿竜龙龜亀龟";

/// The ideographs of U+2F00 ..= U+2FD5 (Kangxi Radicals), in order.
const KANGXI: &str = "\
    一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀\
    寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋\
    比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸\
    缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛\
    辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻\
    黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// The ideograph a radical stands for; any other character as it is.
pub fn ideograph(c: char) -> char {
    let (table, first) = match c {
        '\u{2E80}'..='\u{2EF3}' => (SUPPLEMENT, 0x2E80),
        '\u{2F00}'..='\u{2FD5}' => (KANGXI, 0x2F00),
        _ => return c,
    };
    // Every character of the tables is three bytes long in UTF-8.
    let at = (c as usize - first) * 3;
    table
        .get(at..at + 3)
        .and_then(|s| s.chars().next())
        .unwrap_or(c)
}

/// Whether `text` holds a character of U+2E80 ..= U+2FFF (the radicals,
/// and the ideographic description characters after them): a test on the
/// bytes (their UTF-8 starts E2 BA ..= E2 BF) that needs no table.
pub fn present(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE2 && (0xBA..=0xBF).contains(&w[1]))
}

/// `text` with each radical read as its ideograph ([`ideograph`]);
/// borrowed when it holds none.
pub fn unify(text: &str) -> Cow<'_, str> {
    let is_radical = |c: char| ideograph(c) != c;
    if !text.chars().any(is_radical) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(ideograph).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_are_read_as_their_ideographs() {
        assert_eq!(unify("2026年预算⽀出总表"), "2026年预算支出总表");
        assert_eq!(
            unify("部⻔名称：阳泉市招商中⼼"),
            "部门名称：阳泉市招商中心"
        );
        assert_eq!(unify("账⼾ ⻋辆 ⻓期 ⼀⼆⼗"), "账户 车辆 长期 一二十");
    }

    #[test]
    fn radicals_are_seen_without_the_tables() {
        assert!(present("预算⽀出"));
        assert!(present("部⻔"));
        assert!(!present("预算支出总表 — “三公”经费 …"));
    }

    #[test]
    fn other_text_is_borrowed_and_lengths_are_kept() {
        assert!(matches!(unify("预算支出总表\t1,302.68"), Cow::Borrowed(_)));
        for c in ('\u{2E80}'..='\u{2EF3}').chain('\u{2F00}'..='\u{2FD5}') {
            assert_eq!(ideograph(c).len_utf8(), c.len_utf8(), "{c}");
        }
        assert_eq!(SUPPLEMENT.chars().count(), 0x2EF4 - 0x2E80);
        assert_eq!(KANGXI.chars().count(), 0x2FD6 - 0x2F00);
        for table in [SUPPLEMENT, KANGXI] {
            assert!(table.chars().all(|c| c.len_utf8() == 3));
        }
    }
}
