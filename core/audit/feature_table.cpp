#include "core/audit/feature_table.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace edgewise::audit {

namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Splits one line at commas outside double quotes; "" inside quotes is a quote.
std::vector<std::string> splitLine(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(trim(cell));
  return cells;
}

bool parseNumber(const std::string& text, double* out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace

Result<FeatureTable> parseFeatureCsv(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  std::string line;
  FeatureTable table;
  bool haveHeader = false;
  for (size_t lineNo = 1; std::getline(in, line); ++lineNo) {
    if (trim(line).empty()) continue;
    std::vector<std::string> cells = splitLine(line);
    if (!haveHeader) {
      std::set<std::string> seen;
      for (size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].empty()) {
          return Error("column " + std::to_string(c + 1) + " of the header has no name", source);
        }
        if (!seen.insert(cells[c]).second) {
          return Error("the header names column '" + cells[c] + "' twice", source);
        }
      }
      table.names = std::move(cells);
      haveHeader = true;
      continue;
    }
    const std::string where = "line " + std::to_string(lineNo);
    if (cells.size() != table.names.size()) {
      return Error(where + " has " + std::to_string(cells.size()) + " cells, the header has " +
                       std::to_string(table.names.size()),
                   source);
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      double v = 0.0;
      if (!parseNumber(cells[c], &v)) {
        return Error(where + ", column " + std::to_string(c + 1) + " ('" + table.names[c] +
                         "'): '" + cells[c] + "' is not a finite number",
                     source);
      }
      table.values.push_back(v);
    }
    ++table.rows;
  }
  if (!haveHeader)
    return Error("the file is empty; expected a header row of feature names", source);
  if (table.rows == 0) return Error("the file has a header but no data rows", source);
  return table;
}

Result<FeatureTable> readFeatureCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the file (does it exist?)", path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error("cannot read the file", path);
  return parseFeatureCsv(text.str(), path);
}

}  // namespace edgewise::audit
