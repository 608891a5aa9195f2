//! The board paper as a Word document (.docx), built from the same [`Paper`] blocks as the Markdown.
//!
//! Behind the `docx` feature, so that the first-stage and main WebAssembly modules stay as they were: the page
//! loads a separate module built with only this feature when the user asks for the Word paper, and hands it the
//! paper view as JSON ([`from_json`]). Headings use Word's built-in style names ("Title", "Heading 1" …) so that
//! the navigation pane and screen readers find them; tables have a bold header row that repeats across pages.

use std::io::Cursor;

use docx_rs::{
    Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell,
    TableRow, WidthType,
};

use crate::error::{Error, ErrorKind};
use crate::paper::{Block, Item, Paper};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// Margins of 2 cm.
const MARGIN: i32 = 1_134;
/// Body text and table text in half-points (10 pt and 9 pt): with the margins, a paper of about 1,700 words and
/// its tables keeps to about four A4 pages, as the print stylesheet does.
const BODY_SIZE: usize = 20;
const TABLE_SIZE: usize = 18;
/// The text width between the margins.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;

fn style(id: &str, name: &str, size: usize, outline: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .size(size)
        .bold()
        .outline_lvl(outline)
        .line_spacing(LineSpacing::new().before(240).after(80))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn heading(style_id: &str, text: &str) -> Paragraph {
    para(text).style(style_id).keep_next(true)
}

fn item(marker: &str, it: &Item) -> Paragraph {
    let mut p = Paragraph::new()
        .indent(
            Some(360),
            Some(docx_rs::SpecialIndentType::Hanging(360)),
            None,
            None,
        )
        .add_run(Run::new().add_text(format!("{marker}\t")));
    if let Some(lead) = &it.lead {
        p = p.add_run(Run::new().add_text(format!("{lead}: ")).bold());
    }
    p.add_run(Run::new().add_text(&it.text))
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let cols = header.len().max(1);
    let width = TEXT_WIDTH / cols;
    let cell = |text: &str, bold: bool| {
        let run = Run::new().add_text(text).size(TABLE_SIZE);
        TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
    };
    let mut out = vec![TableRow::new(header.iter().map(|h| cell(h, true)).collect()).cant_split()];
    for r in rows {
        out.push(TableRow::new(r.iter().map(|c| cell(c, false)).collect()).cant_split());
    }
    Table::new(out)
        .set_grid(vec![width; cols])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn blocks(mut doc: Docx, list: &[Block]) -> Docx {
    for b in list {
        doc = match b {
            Block::Heading { text } => doc.add_paragraph(heading("Heading3", text)),
            Block::Para { text } => doc.add_paragraph(para(text)),
            Block::Bullets { items } => items
                .iter()
                .fold(doc, |d, it| d.add_paragraph(item("•", it))),
            Block::Numbered { items } => items.iter().enumerate().fold(doc, |d, (i, it)| {
                d.add_paragraph(item(&format!("{}.", i + 1), it))
            }),
            Block::Checklist { items } => items.iter().fold(doc, |d, text| {
                d.add_paragraph(item(
                    "☐",
                    &Item {
                        lead: None,
                        text: text.clone(),
                    },
                ))
            }),
            Block::Table { header, rows } => doc
                .add_table(table(header, rows))
                .add_paragraph(Paragraph::new()),
        };
    }
    doc
}

/// The paper as the bytes of a .docx file.
///
/// # Errors
/// [`ErrorKind::Document`] if the document cannot be packed (it should not happen: it is written in memory).
pub fn document(p: &Paper) -> Result<Vec<u8>, Error> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().after(100))
        .add_style(style("Title", "Title", 36, 0).line_spacing(LineSpacing::new().after(200)))
        .add_style(style("Heading1", "heading 1", 28, 0))
        .add_style(style("Heading2", "heading 2", 26, 1))
        .add_style(style("Heading3", "heading 3", 22, 2))
        .add_paragraph(heading("Title", &p.title));
    let header = ["Field".to_owned(), "Detail".to_owned()];
    let cover: Vec<Vec<String>> = p
        .cover
        .iter()
        .map(|(k, v)| vec![k.clone(), v.clone()])
        .collect();
    doc = doc
        .add_table(table(&header, &cover))
        .add_paragraph(Paragraph::new());
    for s in &p.sections {
        doc = blocks(
            doc.add_paragraph(heading("Heading1", &s.heading)),
            &s.blocks,
        );
    }
    for (i, s) in p.appendix.iter().enumerate() {
        let mut h = heading("Heading1", &s.heading);
        if i == 0 {
            h = h.page_break_before(true);
        }
        doc = blocks(doc.add_paragraph(h), &s.blocks);
    }
    let mut bytes = Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| {
        Error::new(
            ErrorKind::Document,
            format!("The Word document could not be written: {e}"),
        )
    })?;
    Ok(bytes.into_inner())
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
