//! Splitting a line into cells and cleaning a cell's text.

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
    if t.contains("  ") {
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
    let plain = !cell.contains(['<', '&']) && !cell.contains(char::is_whitespace);
    if plain && !is_markdown_rule(cell) {
        // The common case (a figure or a name): nothing to clean.
        return cell.to_string();
    }
    let without_tags = strip_html(cell);
    let mut out = String::with_capacity(without_tags.len());
    let chars: Vec<char> = without_tags.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let prev = out.chars().last();
            let next = chars.get(i).copied();
            let joins_cjk = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
            if start > 0 && i < chars.len() && !joins_cjk {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    if is_markdown_rule(&out) {
        return String::new();
    }
    out
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
fn strip_html(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return s.to_string();
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
    out
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
    fn cleans_wraps_and_markup() {
        assert_eq!(clean_cell("政府性 基金预 算"), "政府性基金预算");
        assert_eq!(
            clean_cell("<p>1、贯彻执行</p> <p>2、负责</p>"),
            "1、贯彻执行2、负责"
        );
        assert_eq!(clean_cell("BS 0353 B00"), "BS 0353 B00");
        assert_eq!(clean_cell("------"), "");
        assert_eq!(clean_cell("a < b"), "a < b");
    }
}
