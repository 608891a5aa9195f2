//! The board paper as a Word document (.docx), built from the same [`Paper`] blocks as the Markdown.
//!
//! Behind the `docx` feature, so that the first-stage and main WebAssembly modules stay as they were: the page
//! loads a separate module built with only this feature when the user asks for the Word paper, and hands it the
//! paper view as JSON ([`from_json`]). The document is written directly as Office Open XML (WordprocessingML)
//! in a zip archive of stored entries, with no dependency, which keeps that module small. Headings use Word's
//! built-in styles ("Title", "heading 1", "heading 3") so that the navigation pane and screen readers find
//! them; tables have a bold header row that repeats across pages; the page is A4 with 2 cm margins.

use std::fmt::Write;

use crate::error::{Error, ErrorKind};
use crate::paper::{Block, Item, Paper};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// Margins of 2 cm.
const MARGIN: u32 = 1_134;
/// The text width between the margins.
const TEXT_WIDTH: u32 = A4.0 - 2 * MARGIN;
/// Body text and table text in half-points (10 pt and 9 pt): with the margins, a paper of about 1,700 words and
/// its tables keeps to about four A4 pages, as the print stylesheet does.
const BODY_SIZE: u32 = 20;
const TABLE_SIZE: u32 = 18;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Text escaped for XML, without the control characters XML 1.0 cannot carry.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text, bold or not, at a size in half-points (`None`: the paragraph's).
fn run(out: &mut String, text: &str, bold: bool, size: Option<u32>) {
    out.push_str("<w:r>");
    if bold || size.is_some() {
        out.push_str("<w:rPr>");
        if bold {
            out.push_str("<w:b/>");
        }
        if let Some(s) = size {
            let _ = write!(out, r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#);
        }
        out.push_str("</w:rPr>");
    }
    let _ = write!(
        out,
        r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    );
}

/// A paragraph in a style (`None`: Normal) with one run.
fn para(out: &mut String, style: Option<&str>, text: &str) {
    out.push_str("<w:p>");
    if let Some(s) = style {
        let _ = write!(
            out,
            r#"<w:pPr><w:pStyle w:val="{s}"/><w:keepNext/></w:pPr>"#
        );
    }
    run(out, text, false, None);
    out.push_str("</w:p>");
}

/// A list item: the marker and a tab, then the bold lead-in if any, then the text, with a hanging indent.
fn item(out: &mut String, marker: &str, it: &Item) {
    out.push_str(r#"<w:p><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>"#);
    let _ = write!(
        out,
        r#"<w:r><w:t xml:space="preserve">{}</w:t><w:tab/></w:r>"#,
        esc(marker)
    );
    if let Some(lead) = &it.lead {
        run(out, &format!("{lead}: "), true, None);
    }
    run(out, &it.text, false, None);
    out.push_str("</w:p>");
}

/// A table with a bold header row (repeated on each page) and equal columns across the text width.
fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let cols = u32::try_from(header.len().max(1)).unwrap_or(1);
    let width = TEXT_WIDTH / cols;
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="768692""#;
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
    );
    for _ in 0..cols {
        let _ = write!(out, r#"<w:gridCol w:w="{width}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    let mut row = |cells: &[String], head: bool| {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if head {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for c in cells {
            let _ = write!(
                out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>"#
            );
            run(out, c, head, Some(TABLE_SIZE));
            out.push_str("</w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(header, true);
    for r in rows {
        row(r, false);
    }
    // Word needs a paragraph between two tables, and one after a table looks better anyway.
    out.push_str("</w:tbl><w:p/>");
}

fn blocks(out: &mut String, list: &[Block]) {
    for b in list {
        match b {
            Block::Heading { text } => para(out, Some("Heading3"), text),
            Block::Para { text } => para(out, None, text),
            Block::Bullets { items } => items.iter().for_each(|it| item(out, "•", it)),
            Block::Numbered { items } => items
                .iter()
                .enumerate()
                .for_each(|(i, it)| item(out, &format!("{}.", i + 1), it)),
            Block::Checklist { items } => items.iter().for_each(|text| {
                item(
                    out,
                    "☐",
                    &Item {
                        lead: None,
                        text: text.clone(),
                    },
                );
            }),
            Block::Table { header, rows } => table(out, header, rows),
        }
    }
}

fn document_xml(p: &Paper) -> String {
    let mut out = format!(r#"{XML}<w:document xmlns:w="{W}"><w:body>"#);
    para(&mut out, Some("Title"), &p.title);
    let cover: Vec<Vec<String>> = p
        .cover
        .iter()
        .map(|(k, v)| vec![k.clone(), v.clone()])
        .collect();
    table(&mut out, &["Field".to_owned(), "Detail".to_owned()], &cover);
    for s in &p.sections {
        para(&mut out, Some("Heading1"), &s.heading);
        blocks(&mut out, &s.blocks);
    }
    for (i, s) in p.appendix.iter().enumerate() {
        if i == 0 {
            out.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
        }
        para(&mut out, Some("Heading1"), &s.heading);
        blocks(&mut out, &s.blocks);
    }
    let _ = write!(
        out,
        r#"<w:sectPr><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        A4.0, A4.1
    );
    out
}

fn heading_style(id: &str, name: &str, size: u32, level: u32, before: u32) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="{before}" w:after="80"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#
    )
}

fn styles_xml() -> String {
    format!(
        r#"{XML}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{}{}{}</w:styles>"#,
        heading_style("Title", "Title", 36, 0, 0),
        heading_style("Heading1", "heading 1", 26, 0, 240),
        heading_style("Heading3", "heading 3", 21, 2, 160),
    )
}

fn core_xml(title: &str) -> String {
    format!(
        r#"{XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>"#,
        esc(title)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;
const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// The CRC-32 (IEEE) table for zip entries.
const CRC_TABLE: [u32; 256] = crc_table();

#[allow(
    clippy::indexing_slicing,
    reason = "i < 256 by the loop; a const fn cannot use get_mut"
)]
const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        let i = usize::from(u8::try_from((c ^ u32::from(b)) & 0xff).unwrap_or(0));
        CRC_TABLE.get(i).copied().unwrap_or(0) ^ (c >> 8)
    })
}

/// A zip archive of stored (uncompressed) entries, as a .docx may be.
fn zip(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, Error> {
    let too_big = || {
        Error::new(
            ErrorKind::Document,
            "The Word document is too large to write.",
        )
    };
    let u16_of = |n: usize| u16::try_from(n).map_err(|_| too_big());
    let u32_of = |n: usize| u32::try_from(n).map_err(|_| too_big());
    // 1 January 1980, the earliest date a zip entry can carry: the file does not depend on the clock.
    const DATE: u16 = 0x21;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = u32_of(out.len())?;
        let (crc, size, name_len) = (crc32(data), u32_of(data.len())?, u16_of(name.len())?);
        let fields = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            for v in [20u16, 0, 0, 0, DATE] {
                h.extend_from_slice(&v.to_le_bytes()); // needed, flags, stored, time, date
            }
            for v in [crc, size, size] {
                h.extend_from_slice(&v.to_le_bytes());
            }
            h.extend_from_slice(&name_len.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra field
            if central_dir {
                for v in [0u16, 0, 0] {
                    h.extend_from_slice(&v.to_le_bytes()); // comment, disk, internal attributes
                }
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(fields(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(fields(0x0201_4b50, true));
    }
    let (start, count) = (u32_of(out.len())?, u16_of(entries.len())?);
    let central_len = u32_of(central.len())?;
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// The paper as the bytes of a .docx file.
///
/// # Errors
/// [`ErrorKind::Document`] if a part is too large for a zip archive without extensions (4 GB; a paper is
/// tens of kilobytes).
pub fn document(p: &Paper) -> Result<Vec<u8>, Error> {
    let document = document_xml(p);
    let styles = styles_xml();
    let core = core_xml(&p.title);
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ])
}

/// The Word document from a paper view in JSON (what the page's main module returns).
///
/// # Errors
/// [`ErrorKind::Document`] if the JSON is not a paper, or as [`document`].
pub fn from_json(json: &str) -> Result<Vec<u8>, Error> {
    let p: Paper = serde_json::from_str(json).map_err(|e| {
        Error::new(
            ErrorKind::Document,
            format!("The board paper could not be read for the Word document: {e}"),
        )
    })?;
    document(&p)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    #[test]
    fn crc32_is_the_zip_checksum() {
        assert_eq!(super::crc32(b""), 0);
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
