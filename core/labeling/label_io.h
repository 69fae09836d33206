#pragma once
// Moving labels in and out of a project.
//
// CSV: header "recording,start,end,label,annotator"; one segment label per row; start and end
//   are seconds from the recording's first sample (its start; 0 for a recording without
//   samples) with exactly six decimals (microseconds), so a round trip is exact. A recording
//   is named by its name, or "#<id>" when several recordings share the name.
// JSON: {"format": "edgewise-labels", "version": 1, "schema": {"classes": [...]},
//   "annotators": [...], "segments": [...], "items": [...], "adjudications": [...]}: every
//   stored field (times in
//   microseconds, confidence, source, stream "device/topic", item labels by dataset name and
//   sample index), so a round trip is exact.
// Edge Impulse: per recording a data-acquisition JSON file (payload.values of its first
//   time-series stream) plus info.labels (files[].label.type "multi-label" with labels
//   {label, startIndex, endIndex} in milliseconds, inclusive and contiguous) and
//   structured_labels.labels (the same ranges under structuredLabels). Spans without a label
//   are filled with gapLabel, which import skips. Millisecond resolution: labels on whole
//   milliseconds (from the recording start) round-trip exactly.
//
// Import: rows that cannot be used (unknown recording, bad times, end before start, unknown
// class when classes may not be created, ...) are skipped and reported with their line or
// index and a reason; a fatal error (unreadable file, wrong header or format, a database
// error) imports nothing. Everything one import writes is one transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/labeling/label_repository.h"
#include "core/util/result.h"

namespace edgewise::labeling {

struct RejectedRow {
  int64_t row = 0;  // CSV: 1-based line; JSON / Edge Impulse: 0-based index in its array
  std::string reason;
};

struct LabelImportReport {
  int64_t segments = 0;
  int64_t items = 0;
  int64_t adjudications = 0;  // JSON only
  int64_t classesCreated = 0;
  int64_t annotatorsCreated = 0;
  std::vector<RejectedRow> rejected;
};

struct LabelImportOptions {
  bool createClasses = true;     // unknown class names become new classes
  bool createAnnotators = true;  // unknown annotator names become new annotators
};

struct CsvExportOptions {
  std::optional<int64_t> recordingId;  // empty: every recording
  std::optional<int64_t> annotatorId;  // empty: every annotator
};

Result<void> exportLabelsCsv(const LabelRepository& repo, const std::string& path,
                             const CsvExportOptions& options = {});
Result<LabelImportReport> importLabelsCsv(LabelRepository& repo, const std::string& path,
                                          const LabelImportOptions& options = {});

Result<void> exportLabelsJson(const LabelRepository& repo, const std::string& path);
Result<LabelImportReport> importLabelsJson(LabelRepository& repo, const std::string& path,
                                           const LabelImportOptions& options = {});

struct EdgeImpulseOptions {
  // Whose labels: one annotator, or empty for the effective labels (adjudicated > unanimous >
  // single > majority, see agreement.h).
  std::optional<int64_t> annotatorId;
  std::string gapLabel = "unlabeled";
  std::string category = "training";
  double frameMs = 100;  // for effective labels
};

// Writes <dir>/<name>.<id>.json per recording, <dir>/info.labels and
// <dir>/structured_labels.labels. Returns the data file names.
Result<std::vector<std::string>> exportEdgeImpulse(const LabelRepository& repo,
                                                   const std::vector<int64_t>& recordingIds,
                                                   const std::string& dir,
                                                   const EdgeImpulseOptions& options = {});
// Reads info.labels or structured_labels.labels; files map to recordings by "name" (info.labels)
// or by the recording id in "<name>.<id>.json", else by the file name's stem. Labels go to
// `annotator` (created when missing and allowed).
Result<LabelImportReport> importEdgeImpulse(LabelRepository& repo, const std::string& labelsFile,
                                            const std::string& annotator,
                                            const std::string& gapLabel = "unlabeled",
                                            const LabelImportOptions& options = {});

// Seconds with six decimals ("12.000250", "-0.500000") and back; parse refuses more than six
// decimals, signs in the wrong place and anything that is not a number.
std::string formatSeconds(int64_t us);
std::optional<int64_t> parseSeconds(const std::string& text);

}  // namespace edgewise::labeling
