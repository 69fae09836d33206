#pragma once
// A numeric feature matrix with named columns, and its CSV form: a header row of feature
// names, then one row per sample, every cell a finite number. Used for the reference and
// live windows of `edgewise-cli audit drift`.

#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::audit {

struct FeatureTable {
  std::vector<std::string> names;
  size_t rows = 0;
  std::vector<double> values;  // row-major, rows x names.size()

  size_t columns() const { return names.size(); }
  double at(size_t row, size_t column) const { return values[row * names.size() + column]; }
};

// Reads a CSV file (comma-separated, optional double quotes around cells, blank lines
// ignored). Errors name the file, the line and the column: a missing file, no header, an
// empty or repeated column name, a row with the wrong number of cells, a cell that is not a
// finite number, no data rows.
Result<FeatureTable> readFeatureCsv(const std::string& path);

// The same from text already in memory; `source` names it in errors.
Result<FeatureTable> parseFeatureCsv(const std::string& text, const std::string& source);

}  // namespace edgewise::audit
