//! `newskg train facts`: the fact classifier, learned from judged facts of
//! openly licensed text.
//!
//! The training text is rebuilt from the shared data folder on every run:
//! the documents of UD English-PUD (news and Wikipedia sentences, CC BY-SA),
//! the first Re-DocRED dev documents (Wikipedia, MIT), re3d's openly
//! licensed press releases and strike reports, CrossNER's politics
//! paragraphs (Wikipedia, MIT), the last two rebuilt into running text from
//! their token files, and the weblogs and newsgroup posts of UD
//! English-EWT's training split (CC BY-SA 4.0). The pipeline
//! extracts their candidate facts (the default policy without a threshold),
//! and each candidate is looked up by its key in the judgements file
//! (`models/facts-judgements.tsv`): a hash of the document's file name, the
//! sentence and the fact's three labels, with the verdict a reader gave it
//! under `gold/PRECISION.md`. Only hashes are committed, never the text.
//!
//! The L2 strength is chosen by cross-validation over documents (5 folds),
//! and the out-of-fold probabilities give the reliability table that says
//! what a confidence means.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::extract::{FactClassifier, FactPolicy, Feature};
use crate::input::LoadOptions;
use crate::kg::Resolver;
use crate::nlp::corpus::bio::{self, BioDocument};
use crate::pipeline::{extract_with_features, fact_records, has_record, Engine};
use crate::{Error, Result};

/// How many Re-DocRED dev documents join the PUD documents.
pub const REDOCRED_DOCUMENTS: usize = 150;

/// The L2 strengths cross-validation chooses from.
const L2_GRID: [f64; 6] = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0];

/// Gradient steps of every fit.
const ITERATIONS: usize = 400;

/// Cross-validation folds (by document).
const FOLDS: u64 = 5;

/// What `newskg train facts` reads and writes.
#[derive(Clone, Debug)]
pub struct FactTrainOptions {
    /// The shared data folder (ud-pud/, relations/redocred/, ner/re3d-open/,
    /// ner/crossner/, ud-ewt/).
    pub data: PathBuf,
    /// The judgements: `KEY TAB VERDICT` lines (see [`fact_key`]).
    pub judgements: PathBuf,
    /// Where the weight file goes.
    pub output: PathBuf,
    /// Where to write every candidate fact as `extract --format jsonl`
    /// fact lines (what judges sample from: `scripts/judge/sample.py`).
    pub candidates: Option<PathBuf>,
    /// Where to keep the training documents the candidates' `source`
    /// names (judges read them); a temporary folder, removed, if `None`.
    pub documents: Option<PathBuf>,
}

/// What training found and measured.
#[derive(Clone, Debug, Serialize)]
pub struct FactTrainReport {
    /// Candidate facts extracted from the training documents.
    pub candidates: usize,
    /// Judgements whose fact was extracted again (the training examples).
    pub examples: usize,
    /// Of those, judged CORRECT.
    pub correct: usize,
    /// Judgements with no matching candidate (the extractor changed since).
    pub unmatched: usize,
    /// The chosen L2 strength.
    pub l2: f64,
    /// Mean out-of-fold log loss per L2 strength tried.
    pub cv_log_loss: Vec<(f64, f64)>,
    /// Out-of-fold area under the ROC curve at the chosen strength.
    pub cv_auc: f64,
    /// Out-of-fold reliability: (band low, band high, facts, correct).
    pub reliability: Vec<(f64, f64, usize, usize)>,
    /// Out-of-fold precision and recall of keeping facts at or above each
    /// threshold: (threshold, kept, precision, share of correct facts kept).
    pub thresholds: Vec<(f64, usize, f64, f64)>,
}

/// Trains the fact classifier and writes it to `options.output`. `engine`
/// must be the plain engine (no classifier); its policy is set here.
pub fn train_facts(engine: &mut Engine, options: &FactTrainOptions) -> Result<FactTrainReport> {
    engine.extractor.set_classifier(None);
    engine.extractor.set_policy(FactPolicy {
        open: false,
        min_confidence: 0.0,
        min_rule_confidence: 0.0,
    });
    let judgements = read_judgements(&options.judgements)?;
    let temporary = options.documents.is_none();
    let folder = options.documents.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("newskg-train-facts-{}", std::process::id()))
    });
    let written = write_documents(&options.data, &folder);
    let result = written.and_then(|paths| {
        let mut resolver = Resolver::with_gazetteer(engine.gazetteer().clone());
        let mut candidates = 0;
        let mut examples: Vec<(String, Vec<Feature>, bool)> = Vec::new();
        let mut matched = std::collections::HashSet::new();
        let mut dump = match &options.candidates {
            Some(path) => Some((
                path,
                std::io::BufWriter::new(std::fs::File::create(path).map_err(io(path))?),
            )),
            None => None,
        };
        extract_with_features(
            engine,
            &paths,
            &LoadOptions::default(),
            &mut resolver,
            |doc, features, ids, resolver| {
                let records = fact_records(doc, ids, resolver);
                // The features of the facts that have a record, in order.
                let features: Vec<Vec<Feature>> = doc
                    .facts
                    .iter()
                    .zip(features)
                    .filter(|(f, _)| has_record(f))
                    .map(|(_, x)| x)
                    .collect();
                if records.len() != features.len() {
                    return Ok(()); // a fact without its sentence: never seen
                }
                let name = file_name(&doc.analyzed.doc.source);
                for (record, features) in records.iter().zip(features) {
                    candidates += 1;
                    if let Some((_, out)) = dump.as_mut() {
                        serde_json::to_writer(&mut *out, record)?;
                        out.write_all(b"\n")?;
                    }
                    let key = fact_key(
                        &name,
                        &record.sentence,
                        &record.subject.label,
                        &record.relation,
                        &record.object.label,
                    );
                    if let Some(correct) = judgements.get(&key) {
                        matched.insert(key);
                        examples.push((name.clone(), features, *correct));
                    }
                }
                Ok(())
            },
        )?;
        if let Some((path, mut out)) = dump {
            out.flush().map_err(io(path))?;
        }
        let unmatched = judgements.len() - matched.len();
        Ok((candidates, examples, unmatched))
    });
    if temporary {
        let _ = std::fs::remove_dir_all(&folder);
    }
    let (candidates, examples, unmatched) = result?;
    if examples.is_empty() {
        return Err(Error::Training(format!(
            "{}: none of its {} judgements matches a fact extracted from {}",
            options.judgements.display(),
            judgements.len(),
            options.data.display()
        )));
    }
    let fold_of = |doc: &str| fnv(doc.as_bytes()) % FOLDS;
    let mut cv_log_loss = Vec::new();
    let mut best: Option<(f64, f64, Vec<f64>)> = None;
    for l2 in L2_GRID {
        let mut predicted = vec![0.0; examples.len()];
        for fold in 0..FOLDS {
            let train: Vec<(Vec<Feature>, bool)> = examples
                .iter()
                .filter(|(doc, _, _)| fold_of(doc) != fold)
                .map(|(_, f, y)| (f.clone(), *y))
                .collect();
            let model = FactClassifier::train(&train, l2, ITERATIONS);
            for (i, (doc, f, _)) in examples.iter().enumerate() {
                if fold_of(doc) == fold {
                    predicted[i] = model.probability(f);
                }
            }
        }
        let loss = log_loss(&predicted, &examples);
        cv_log_loss.push((l2, loss));
        if best.as_ref().is_none_or(|(_, b, _)| loss < *b) {
            best = Some((l2, loss, predicted));
        }
    }
    let Some((l2, _, predicted)) = best else {
        return Err(Error::Training("no L2 strength to try".to_string()));
    };
    let labels: Vec<bool> = examples.iter().map(|(_, _, y)| *y).collect();
    let report = FactTrainReport {
        candidates,
        examples: examples.len(),
        correct: labels.iter().filter(|y| **y).count(),
        unmatched,
        l2,
        cv_log_loss,
        cv_auc: auc(&predicted, &labels),
        reliability: reliability(&predicted, &labels),
        thresholds: thresholds(&predicted, &labels),
    };
    let all: Vec<(Vec<Feature>, bool)> = examples.into_iter().map(|(_, f, y)| (f, y)).collect();
    let model = FactClassifier::train(&all, l2, ITERATIONS);
    let metadata = serde_json::json!({
        "model": "logistic regression over fact structure (crates/newskg-extract/src/classifier.rs)",
        "training": "facts extracted from UD English-PUD (CC BY-SA 3.0), the first 150 Re-DocRED dev documents (MIT; Wikipedia, CC BY-SA), the open parts of re3d (UK OGL v3, US public domain, CC BY 3.0 AU, CC BY-SA 3.0), CrossNER politics train (MIT; Wikipedia, CC BY-SA) and the weblogs and newsgroup posts of UD English-EWT train (CC BY-SA 4.0), judged by the rubric of gold/PRECISION.md",
        "command": "newskg train facts --data ../shared/data --judgements models/facts-judgements.tsv --output models/facts.nkw",
        "licence": "CC BY-SA 4.0",
        "report": report,
    });
    model
        .to_weight_file(metadata)
        .save(&options.output)
        .map_err(Error::Model)?;
    Ok(report)
}

/// The key of a fact in a judgements file: FNV-1a (64 bits, hex) of the
/// document's file name, the sentence and the subject, relation and object
/// labels as `extract --format jsonl` prints them, joined by U+001F.
/// `scripts/judge/keys.py` computes the same from judged JSON Lines.
pub fn fact_key(file: &str, sentence: &str, subject: &str, relation: &str, object: &str) -> String {
    let joined = [file, sentence, subject, relation, object].join("\u{1f}");
    format!("{:016x}", fnv(joined.as_bytes()))
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The last component of a source path ("docs/pud-n01001.txt" → "pud-n01001.txt").
fn file_name(source: &str) -> String {
    source.rsplit('/').next().unwrap_or(source).to_string()
}

/// Turns an I/O error on `path` into [`Error::Io`].
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_owned();
    move |source| Error::Io { path, source }
}

/// `KEY TAB VERDICT` lines (`#` comments and blank lines skipped): key → correct.
fn read_judgements(path: &Path) -> Result<HashMap<String, bool>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad =
            |what: &str| Error::Training(format!("{}:{}: {what}: {line:?}", path.display(), n + 1));
        let (key, verdict) = line
            .split_once('\t')
            .ok_or_else(|| bad("expected KEY TAB VERDICT"))?;
        let correct = match verdict {
            "CORRECT" => true,
            "USELESS" | "WRONG" => false,
            _ => return Err(bad("the verdict is CORRECT, USELESS or WRONG")),
        };
        out.insert(key.to_string(), correct);
    }
    Ok(out)
}

/// Writes the training documents into `folder` and returns their paths in
/// byte order of their names (the order the judged extraction read them).
fn write_documents(data: &Path, folder: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    let mut docs: Vec<(String, String)> = Vec::new();
    // UD English-PUD: the sentences of each `# newdoc`, joined by a space.
    let pud = data.join("ud-pud/en_pud-ud-test.conllu");
    docs.extend(conllu_documents(&pud, "pud", |_| true)?);
    // Re-DocRED dev: each document's tokens joined by spaces.
    let redocred = data.join("relations/redocred/dev_revised.json.gz");
    let file = std::fs::File::open(&redocred).map_err(io(&redocred))?;
    let mut json = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut json)
        .map_err(io(&redocred))?;
    let parsed: Vec<RedocredDoc> = serde_json::from_str(&json)
        .map_err(|e| Error::Training(format!("{}: {e}", redocred.display())))?;
    for (i, doc) in parsed.iter().take(REDOCRED_DOCUMENTS).enumerate() {
        let text: Vec<String> = doc.sents.iter().map(|s| s.join(" ")).collect();
        docs.push((format!("redocred-dev-{i:03}.txt"), text.join(" ")));
    }
    docs.sort();
    // Two newer sources after the first two, so the documents judged first
    // are read (and resolved) exactly as before: re3d's open press releases
    // and strike reports (news register), and CrossNER's politics
    // paragraphs (Wikipedia), both token files rebuilt into running text.
    let mut newer = re3d_documents(data)?;
    newer.extend(crossner_politics_documents(data)?);
    newer.sort();
    docs.extend(newer);
    // Then (the sixteenth session) the weblogs and newsgroup posts of UD
    // English-EWT's training split: political and technical writing of the
    // 2000s, much of it reposted news, the register closest to news among
    // the open treebanks.
    let mut ewt = ewt_documents(data, &["weblog", "newsgroup"])?;
    ewt.sort();
    docs.extend(ewt);
    let mut paths = Vec::with_capacity(docs.len());
    for (name, text) in docs {
        let path = folder.join(name);
        std::fs::write(&path, format!("{text}\n")).map_err(io(&path))?;
        paths.push(path);
    }
    Ok(paths)
}

/// The documents of UD English-EWT's training split whose genre (the
/// first part of the `# newdoc id`) is one of `genres`.
fn ewt_documents(data: &Path, genres: &[&str]) -> Result<Vec<(String, String)>> {
    let path = data.join("ud-ewt/en_ewt-ud-train.conllu");
    conllu_documents(&path, "ewt", |id| {
        genres.contains(&id.split('-').next().unwrap_or(""))
    })
}

/// The documents of a CoNLL-U file whose `# newdoc id` `keep` accepts, as
/// ("<prefix>-<id>.txt", text): the sentences of a paragraph (`# newpar`)
/// joined by a space, paragraphs by a blank line. Ids hold the dots and
/// slashes of web addresses: other characters than letters, digits, "-"
/// and "_" become "_" in the file name.
fn conllu_documents(
    path: &Path,
    prefix: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, Vec<Vec<&str>>)> = None;
    let mut finish = |current: Option<(String, Vec<Vec<&str>>)>| {
        if let Some((name, paragraphs)) = current {
            let paragraphs: Vec<String> = paragraphs
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| p.join(" "))
                .collect();
            docs.push((name, paragraphs.join("\n\n")));
        }
    };
    for line in text.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            let id = id.trim();
            finish(current.take());
            if keep(id) {
                let name: String = id
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                current = Some((format!("{prefix}-{name}.txt"), vec![Vec::new()]));
            }
        } else if line.starts_with("# newpar") {
            if let Some((_, paragraphs)) = current.as_mut() {
                paragraphs.push(Vec::new());
            }
        } else if let Some(sentence) = line.strip_prefix("# text = ") {
            if let Some(paragraph) = current.as_mut().and_then(|(_, p)| p.last_mut()) {
                paragraph.push(sentence.trim());
            }
        }
    }
    finish(current);
    Ok(docs)
}

/// How many CrossNER politics paragraphs make one training document.
const CROSSNER_PARAGRAPHS_PER_DOCUMENT: usize = 5;

/// The open parts of re3d (`ner/re3d-open`): one document per
/// `-DOCSTART-`, named by its source and id from `re3d-open.docs`.
fn re3d_documents(data: &Path) -> Result<Vec<(String, String)>> {
    let folder = data.join("ner/re3d-open");
    let names_path = folder.join("re3d-open.docs");
    let names = std::fs::read_to_string(&names_path).map_err(io(&names_path))?;
    let names: Vec<String> = names
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.replace('\t', "-"))
        .collect();
    let tokens_path = folder.join("re3d-open.txt");
    let documents = token_documents(&tokens_path)?;
    if documents.len() != names.len() {
        return Err(Error::Training(format!(
            "{}: {} documents, but {} names in {}",
            tokens_path.display(),
            documents.len(),
            names.len(),
            names_path.display()
        )));
    }
    Ok(names
        .into_iter()
        .zip(documents)
        .map(|(name, sentences)| (format!("re3d-{name}.txt"), sentences.join(" ")))
        .collect())
}

/// CrossNER's politics paragraphs (train split), a few per document.
fn crossner_politics_documents(data: &Path) -> Result<Vec<(String, String)>> {
    let path = data.join("ner/crossner/politics.train.txt");
    let paragraphs: Vec<String> = token_documents(&path)?.into_iter().flatten().collect();
    Ok(paragraphs
        .chunks(CROSSNER_PARAGRAPHS_PER_DOCUMENT)
        .enumerate()
        .map(|(i, chunk)| (format!("crossner-politics-{i:03}.txt"), chunk.join(" ")))
        .collect())
}

/// The documents of a BIO token file (`corpus::bio`), each a list of
/// sentences in running text.
fn token_documents(path: &Path) -> Result<Vec<Vec<String>>> {
    Ok(running_text(&bio::read_file(path)?))
}

/// The sentences of `docs` in running text ([`detokenize`]), documents
/// without any left out.
fn running_text(docs: &[BioDocument]) -> Vec<Vec<String>> {
    docs.iter()
        .map(|doc| {
            doc.sentences
                .iter()
                .map(|s| detokenize(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect::<Vec<String>>()
        })
        .filter(|doc| !doc.is_empty())
        .collect()
}

/// Running text from the tokens of one sentence: no space before closing
/// punctuation or after opening brackets, clitics ("We ' ve") and
/// hyphenated words ("Prime Minister - designate") glued back, curly
/// quotes to their side, straight double quotes taken as opening and
/// closing in turn.
fn detokenize(tokens: &[&str]) -> String {
    const CLITICS: [&str; 7] = ["s", "t", "ve", "re", "ll", "d", "m"];
    let is_word = |t: &str| t.chars().next().is_some_and(char::is_alphanumeric);
    let mut out = String::new();
    let mut glue_next = false;
    let mut open_quote = false;
    for (i, token) in tokens.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| tokens[p]);
        let next = tokens.get(i + 1).copied();
        let between_words = previous.is_some_and(is_word) && next.is_some_and(is_word);
        let mut glue = glue_next || out.is_empty();
        glue_next = false;
        match *token {
            "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "n't" | "'s" => glue = true,
            "(" | "[" | "$" | "\u{201c}" | "\u{2018}" => glue_next = true,
            "\u{201d}" => glue = true,
            "-" if between_words => {
                glue = true;
                glue_next = true;
            }
            "'" | "\u{2019}" if between_words && next.is_some_and(|n| CLITICS.contains(&n)) => {
                glue = true;
                glue_next = true;
            }
            "\u{2019}" if between_words => {
                glue = true;
                glue_next = true;
            }
            "\u{2019}" => glue = true,
            "\"" => {
                open_quote = !open_quote;
                if open_quote {
                    glue_next = true;
                } else {
                    glue = true;
                }
            }
            _ => {}
        }
        if !glue {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

#[derive(serde::Deserialize)]
struct RedocredDoc {
    sents: Vec<Vec<String>>,
}

fn log_loss(predicted: &[f64], examples: &[(String, Vec<Feature>, bool)]) -> f64 {
    let total: f64 = predicted
        .iter()
        .zip(examples)
        .map(|(p, (_, _, y))| {
            let p = p.clamp(1e-6, 1.0 - 1e-6);
            if *y {
                -p.ln()
            } else {
                -(1.0 - p).ln()
            }
        })
        .sum();
    total / predicted.len().max(1) as f64
}

/// The probability that a random correct fact scores above a random other
/// one (ties count half).
fn auc(predicted: &[f64], labels: &[bool]) -> f64 {
    let mut pairs = 0.0;
    let mut wins = 0.0;
    for (p, y) in predicted.iter().zip(labels) {
        if !*y {
            continue;
        }
        for (q, z) in predicted.iter().zip(labels) {
            if *z {
                continue;
            }
            pairs += 1.0;
            if p > q {
                wins += 1.0;
            } else if p == q {
                wins += 0.5;
            }
        }
    }
    if pairs == 0.0 {
        0.5
    } else {
        wins / pairs
    }
}

/// Bands of predicted probability with how many facts fell in each and how
/// many of those were correct.
fn reliability(predicted: &[f64], labels: &[bool]) -> Vec<(f64, f64, usize, usize)> {
    const BANDS: [(f64, f64); 6] = [
        (0.0, 0.2),
        (0.2, 0.4),
        (0.4, 0.5),
        (0.5, 0.6),
        (0.6, 0.7),
        (0.7, 1.01),
    ];
    BANDS
        .iter()
        .map(|&(lo, hi)| {
            let inside: Vec<bool> = predicted
                .iter()
                .zip(labels)
                .filter(|(p, _)| **p >= lo && **p < hi)
                .map(|(_, y)| *y)
                .collect();
            (
                lo,
                hi.min(1.0),
                inside.len(),
                inside.iter().filter(|y| **y).count(),
            )
        })
        .collect()
}

/// Precision and the share of correct facts kept at each threshold.
fn thresholds(predicted: &[f64], labels: &[bool]) -> Vec<(f64, usize, f64, f64)> {
    let correct = labels.iter().filter(|y| **y).count().max(1) as f64;
    [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
        .iter()
        .map(|&t| {
            let kept: Vec<bool> = predicted
                .iter()
                .zip(labels)
                .filter(|(p, _)| **p >= t)
                .map(|(_, y)| *y)
                .collect();
            let right = kept.iter().filter(|y| **y).count();
            let precision = if kept.is_empty() {
                0.0
            } else {
                right as f64 / kept.len() as f64
            };
            (t, kept.len(), precision, right as f64 / correct)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_files_become_running_text() {
        let tokens = [
            "The",
            "Vexa",
            "Council",
            "'s",
            "chair",
            ",",
            "Ola",
            "Lind",
            "(",
            "a",
            "former",
            "Prime",
            "Minister",
            "-",
            "designate",
            ")",
            ",",
            "said",
            "\"",
            "We",
            "'",
            "ve",
            "been",
            "clear",
            "\"",
            "on",
            "\u{201c}",
            "Monday",
            "\u{201d}",
            ".",
        ];
        assert_eq!(
            detokenize(&tokens),
            "The Vexa Council's chair, Ola Lind (a former Prime Minister-designate), \
             said \"We've been clear\" on \u{201c}Monday\u{201d}."
        );
    }

    #[test]
    fn docstart_lines_separate_documents_and_blank_lines_sentences() {
        let file = "-DOCSTART-\tO\n\nOla\tB-PER\nspoke\tO\n.\tO\n\nShe\tO\nleft\tO\n\n\
                    -DOCSTART-\tO\n\nRain\tO\n.\tO\n";
        let read = |text: &str| running_text(&bio::read(text.as_bytes(), Path::new("t")).unwrap());
        assert_eq!(
            read(file),
            vec![
                vec!["Ola spoke.".to_string(), "She left".to_string()],
                vec!["Rain.".to_string()]
            ]
        );
        // Without DOCSTART lines the file is one document.
        assert_eq!(read("A\tO\n\nB\tO\n").len(), 1);
    }

    #[test]
    fn keys_are_fnv1a_of_the_joined_fields() {
        // The same key scripts/judge/keys.py computes (FNV-1a 64 of
        // "a.txt\x1fS.\x1fX\x1fr\x1fY").
        let key = fact_key("a.txt", "S.", "X", "r", "Y");
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in "a.txt\u{1f}S.\u{1f}X\u{1f}r\u{1f}Y".bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        assert_eq!(key, format!("{h:016x}"));
        assert_eq!(file_name("docs/pud-n1.txt"), "pud-n1.txt");
    }

    #[test]
    fn auc_and_thresholds_measure_the_ranking() {
        let p = [0.9, 0.8, 0.3, 0.1];
        let y = [true, false, true, false];
        assert_eq!(auc(&p, &y), 0.75);
        let t = thresholds(&p, &y);
        let at_half = t.iter().find(|r| r.0 == 0.5).unwrap();
        assert_eq!((at_half.1, at_half.2, at_half.3), (2, 0.5, 0.5));
    }

    #[test]
    fn a_bad_judgement_line_names_the_file_and_line() {
        let dir = std::env::temp_dir().join(format!("newskg-judg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("j.tsv");
        std::fs::write(&path, "# comment\nabc\tCORRECT\ndef\tMAYBE\n").unwrap();
        let err = read_judgements(&path).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("j.tsv:3:"), "{err}");
    }
}
