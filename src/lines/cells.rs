//! Splitting a line into cells and cleaning a cell's text.

use std::borrow::Cow;

/// Splits at TAB; a markdown row "| a | b |" at its pipes; a layout line
/// (pdftotext -layout) at runs of two or more spaces. Each cell is cleaned.
pub fn split_cells(raw: &str) -> Vec<String> {
    let trimmed = raw.trim_end_matches([' ', '\r']);
    if trimmed.contains('\t') {
        return trimmed.split('\t').map(clean_cell).collect();
    }
    let t = trimmed.trim();
    if t.len() > 1 && t.starts_with('|') && t.ends_with('|') {
        return t[1..t.len() - 1].split('|').map(clean_cell).collect();
    }
    if t.as_bytes().windows(2).any(|w| w == b"  ") {
        return t
            .split("  ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(clean_cell)
            .collect();
    }
    vec![clean_cell(t)]
}

/// The whole line as prose: markup removed, cells joined by one TAB.
pub(crate) fn join_cells(cells: &[String]) -> String {
    match cells {
        [one] => one.clone(),
        _ => cells.join("\t"),
    }
}

/// Removes HTML tags and entities, collapses white space, and drops a space
/// that a PDF wrap left between two CJK characters ("政府性 基金预 算").
pub fn clean_cell(cell: &str) -> String {
    if !needs_cleaning(cell) && !is_markdown_rule(cell) {
        // The common case (a figure or a name): nothing to clean.
        return cell.to_string();
    }
    let without_tags = strip_html(cell);
    let mut out = String::with_capacity(without_tags.len());
    let mut chars = without_tags.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        // A run of white space becomes one space, except at either end
        // and where it touches a CJK character (a PDF wrap).
        let (prev, next) = (out.chars().next_back(), chars.peek().copied());
        if let (Some(prev), Some(next)) = (prev, next) {
            if !is_cjk(prev) && !is_cjk(next) {
                out.push(' ');
            }
        }
    }
    if is_markdown_rule(&out) {
        return String::new();
    }
    out
}

/// Whether a cell holds markup or white space. A byte scan: the only
/// non-ASCII white space begins with lead byte C2, E1, E2 or E3, and only
/// those characters are decoded.
fn needs_cleaning(cell: &str) -> bool {
    cell.bytes().enumerate().any(|(i, b)| match b {
        b'<' | b'&' => true,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => cell[i..].chars().next().is_some_and(char::is_whitespace),
        b => b.is_ascii_whitespace() || b == 0x0b,
    })
}

/// CJK ideographs and the full-width punctuation that sits among them.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2460..=0x24FF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…')
}

/// "-----", ":---:", "===" cells of a markdown table rule.
fn is_markdown_rule(cell: &str) -> bool {
    cell.len() >= 2
        && cell
            .chars()
            .all(|c| matches!(c, '-' | ':' | '=' | '|' | '+'))
}

/// Decodes the common entities first, then drops tags, so that an encoded
/// "&lt;script&gt;" cannot come out as markup.
fn strip_html(s: &str) -> Cow<'_, str> {
    if !s.contains(['<', '&']) {
        return Cow::Borrowed(s);
    }
    let decoded = s
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let mut out = String::with_capacity(decoded.len());
    let mut rest = decoded.as_str();
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, after.find('>')) {
            (true, Some(end)) => {
                let tag = after[..end].trim_start_matches('/').to_ascii_lowercase();
                if ["br", "p", "div", "td", "li"]
                    .iter()
                    .any(|t| tag.starts_with(t))
                {
                    out.push(' ');
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tabs_pipes_and_layout() {
        assert_eq!(
            split_cells("合计\t\t340.46\t"),
            vec!["合计", "", "340.46", ""]
        );
        assert_eq!(
            split_cells("| 201 | 一般公共服务支出 | 271.66 |"),
            vec!["201", "一般公共服务支出", "271.66"]
        );
        assert_eq!(
            split_cells("201   一般公共服务支出    271.66"),
            vec!["201", "一般公共服务支出", "271.66"]
        );
        assert_eq!(
            split_cells("2022 年项目支出预算共计 631.81 万元"),
            vec!["2022年项目支出预算共计631.81万元"]
        );
    }

    #[test]
    fn finds_every_white_space_character() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let cell = format!("a{c}b");
            assert_eq!(
                needs_cleaning(&cell),
                c.is_whitespace() || c == '<' || c == '&',
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn cleans_wraps_and_markup() {
        assert_eq!(clean_cell("政府性 基金预 算"), "政府性基金预算");
        assert_eq!(
            clean_cell("<p>1、贯彻执行</p> <p>2、负责</p>"),
            "1、贯彻执行2、负责"
        );
        assert_eq!(clean_cell("BS 0353 B00"), "BS 0353 B00");
        assert_eq!(clean_cell("------"), "");
        assert_eq!(clean_cell("a < b"), "a < b");
        assert_eq!(clean_cell("  a \t b  "), "a b");
        assert_eq!(clean_cell("  预算 \t b  "), "预算b");
    }
}
