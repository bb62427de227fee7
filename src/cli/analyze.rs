//! `newskg analyze`: the linguistic analysis, for inspection and scoring.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use newskg::nlp::corpus::conllu;
use newskg::nlp::Conventions;

use super::{output, report_failures, ModelArgs};

/// Print tokens, sentences, lemmas, tags, the dependency parse and named
/// entities, as CoNLL-U (for UD scorers), JSON, or BIO (for NER scorers).
#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Input file, or `-` for standard input
    #[arg(value_hint = clap::ValueHint::FilePath)]
    path: PathBuf,
    /// What the input is: article text; CoNLL-U whose tokens and sentences are
    /// kept (lemmas, tags and parse are predicted again); or one token per
    /// line (first column; blank line between sentences; -DOCSTART- starts a
    /// document)
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    input: InputKind,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = AnalysisFormat::Conllu)]
    format: AnalysisFormat,
    /// Entity conventions of `--format bio`: `graph` (what extract and ingest
    /// use: MISC only for named things) or `conll` (CoNLL-2003's habits, for
    /// its scorer: demonyms and words such as "New York-based" are MISC, an
    /// event takes the year before it)
    #[arg(long, value_enum, default_value_t = ConventionsArg::Graph)]
    conventions: ConventionsArg,
    /// Parse with this beam width instead of the parser file's (1: greedy);
    /// for measuring the speed/accuracy trade: a model is most accurate at
    /// the width it was trained with
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=64))]
    beam: Option<u64>,
    /// Drop beam hypotheses scoring more than this below the best instead
    /// of the parser file's margin (negative: keep the full beam)
    #[arg(long, value_name = "SCORE", allow_negative_numbers = true)]
    beam_margin: Option<f32>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputKind {
    Text,
    Conllu,
    Tokens,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum AnalysisFormat {
    Conllu,
    Json,
    Bio,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ConventionsArg {
    Graph,
    Conll,
}

impl ConventionsArg {
    fn conventions(self) -> Conventions {
        match self {
            ConventionsArg::Graph => Conventions::Graph,
            ConventionsArg::Conll => Conventions::Conll,
        }
    }
}

pub fn run(args: AnalyzeArgs, models: &ModelArgs) -> anyhow::Result<ExitCode> {
    let mut analyzer = models.analyzer()?;
    if let Some(width) = args.beam {
        analyzer = analyzer.with_parser_beam(width as usize);
    }
    if let Some(margin) = args.beam_margin {
        analyzer = analyzer.with_parser_beam_margin(margin);
    }
    if args.conventions != ConventionsArg::Graph && args.format != AnalysisFormat::Bio {
        anyhow::bail!(
            "--conventions only goes with --format bio (the graph conventions are fixed elsewhere)"
        );
    }
    let conventions = args.conventions.conventions();
    let mut out = output::stdout();
    let code = match (args.input, args.format) {
        (InputKind::Tokens, AnalysisFormat::Bio) => {
            tag_token_file(&analyzer, &args.path, conventions, &mut out)?;
            ExitCode::SUCCESS
        }
        (InputKind::Tokens, _) => anyhow::bail!("--input tokens only goes with --format bio"),
        (InputKind::Conllu, AnalysisFormat::Conllu) => {
            let sentences = if args.path.as_os_str() == "-" {
                conllu::read(std::io::stdin().lock(), Path::new("<stdin>"))?
            } else {
                conllu::read_file(&args.path)?
            };
            for (i, mut s) in sentences.into_iter().enumerate() {
                analyzer.analyze_sentence(&mut s.sentence);
                conllu::write(&mut out, &s.text, std::slice::from_ref(&s.sentence), i + 1)?;
            }
            ExitCode::SUCCESS
        }
        (InputKind::Conllu, _) => anyhow::bail!("--input conllu only goes with --format conllu"),
        (InputKind::Text, format) => {
            let mut failures = Vec::new();
            let mut first_id = 1;
            // Every paragraph is kept, repeats too: the output must hold the
            // input's text (scorers align on it; issue 9, item 4).
            let options = newskg::input::LoadOptions {
                repeat_min_words: None,
                ..Default::default()
            };
            for doc in newskg::input::documents_with(std::slice::from_ref(&args.path), options) {
                let doc = match doc {
                    Ok(d) => d,
                    Err(e) => {
                        failures.push(e);
                        continue;
                    }
                };
                let analyzed = analyzer.analyze(doc);
                match format {
                    AnalysisFormat::Conllu => {
                        writeln!(out, "# newdoc id = {}", analyzed.doc.source)?;
                        conllu::write(&mut out, &analyzed.doc.text, &analyzed.sentences, first_id)?;
                        first_id += analyzed.sentences.len();
                    }
                    AnalysisFormat::Json => {
                        serde_json::to_writer(&mut out, &analyzed)?;
                        writeln!(out)?;
                    }
                    AnalysisFormat::Bio => {
                        let entities = analyzer.recognizer().predict_with(
                            &analyzed.doc.text,
                            &analyzed.sentences,
                            conventions,
                        );
                        for (i, s) in analyzed.sentences.iter().enumerate() {
                            let mut tags = vec!["O".to_string(); s.tokens.len()];
                            for e in entities.iter().filter(|e| e.sentence == i) {
                                for (k, t) in e.tokens.clone().enumerate() {
                                    let prefix = if k == 0 { "B" } else { "I" };
                                    tags[t] = format!("{prefix}-{}", e.label.conll());
                                }
                            }
                            for (t, tag) in s.tokens.iter().zip(tags) {
                                writeln!(out, "{}\t{tag}", t.form)?;
                            }
                            writeln!(out)?;
                        }
                    }
                }
            }
            report_failures(&failures)
        }
    };
    out.flush()?;
    Ok(code)
}

/// Tags a `token TAB …` file line for line: the output has the same lines and
/// tokens, so `ner_score.py GOLD PRED` can compare them.
fn tag_token_file(
    analyzer: &newskg::nlp::Analyzer,
    path: &Path,
    conventions: Conventions,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(path)
                .with_context(|| format!("{}: cannot open", path.display()))?,
        ))
    };
    // Lines of the current document: Some(token) or None for a blank line.
    let mut lines: Vec<Option<String>> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", path.display(), i + 1))?;
        let token = line.split('\t').next().unwrap_or("").trim_end().to_string();
        if token == "-DOCSTART-" {
            flush_document(analyzer, &mut lines, conventions, out)?;
            writeln!(out, "-DOCSTART-\tO")?;
        } else if token.is_empty() {
            lines.push(None);
        } else {
            lines.push(Some(token));
        }
    }
    flush_document(analyzer, &mut lines, conventions, out)
}

fn flush_document(
    analyzer: &newskg::nlp::Analyzer,
    lines: &mut Vec<Option<String>>,
    conventions: Conventions,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let sentences: Vec<Vec<String>> = lines
        .split(|l| l.is_none())
        .filter(|s| !s.is_empty())
        .map(|s| s.iter().flatten().cloned().collect())
        .collect();
    let tags = analyzer
        .recognizer()
        .predict_tokens(&sentences, conventions);
    let mut tags = tags.into_iter().flatten();
    for line in lines.drain(..) {
        match line {
            Some(token) => writeln!(
                out,
                "{token}\t{}",
                tags.next().unwrap_or_else(|| "O".to_string())
            )?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}
