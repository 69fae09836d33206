#include "core/dataset/data/importers.h"

#include <zlib.h>

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"

namespace edgewise::dataset {

namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r\n");
  std::string t = s.substr(b, e - b + 1);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
  return t;
}

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> cells;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      cells.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  cells.push_back(trim(cur));
  return cells;
}

bool parseFloat(const std::string& s, float* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return false;
  *out = static_cast<float>(v);
  return true;
}

bool parseIndex(const std::string& s, int* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size()) return false;
  *out = static_cast<int>(v);
  return true;
}

// Class names sorted numerically when all are integers ("2" before "10"), else as text.
std::vector<std::string> sortedClassNames(const std::vector<std::string>& raw) {
  std::vector<std::string> names(raw);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const bool numeric = std::all_of(names.begin(), names.end(), [](const std::string& n) {
    int v = 0;
    return parseIndex(n, &v);
  });
  if (numeric) {
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
      return std::stol(a) < std::stol(b);
    });
  }
  return names;
}

void appendFloats(std::vector<uint8_t>* blob, const std::vector<float>& v) {
  const size_t at = blob->size();
  blob->resize(at + v.size() * sizeof(float));
  std::memcpy(blob->data() + at, v.data(), v.size() * sizeof(float));
}

// The whole file, gunzipped when it is gzip (zlib's gzread passes plain files through).
Result<std::vector<uint8_t>> readMaybeGzip(const std::string& path) {
  if (!QFileInfo::exists(QString::fromStdString(path))) return Error("file not found", path);
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Error("cannot open the file", path);
  std::vector<uint8_t> out;
  std::vector<uint8_t> buf(1 << 16);
  for (;;) {
    const int n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      int errnum = 0;
      const std::string msg = gzerror(f, &errnum);
      gzclose(f);
      return Error("damaged gzip data (" + msg + ")", path);
    }
    if (n == 0) break;
    out.insert(out.end(), buf.begin(), buf.begin() + n);
  }
  // gzread reports a cut-off gzip stream only through gzerror (Z_BUF_ERROR) at the end.
  int errnum = 0;
  const std::string msg = gzerror(f, &errnum);
  gzclose(f);
  if (errnum != Z_OK) {
    return Error("the gzip data is truncated or damaged (" + msg + ")", path);
  }
  return out;
}

uint32_t bigEndian32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

QFileInfoList classFolders(const QString& dir) {
  return QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

}  // namespace

// ---------------------------------------------------------------------------------------- CSV

Result<ParsedDataset> readCsv(const CsvOptions& options) {
  const std::string& path = options.file;
  std::ifstream in(path);
  if (!in) return Error("cannot open the CSV file", path);
  std::vector<std::pair<int, std::vector<std::string>>> rows;  // (line number, cells)
  std::string line;
  for (int lineNo = 1; std::getline(in, line); ++lineNo) {
    if (trim(line).empty()) continue;
    rows.emplace_back(lineNo, splitCsvLine(line));
  }
  if (rows.empty()) return Error("the CSV file is empty", path);

  const std::vector<std::string>& first = rows.front().second;
  const int columns = static_cast<int>(first.size());
  if (columns < 2) return Error("a CSV needs a label column and at least one feature", path);

  // Label column: a 0-based index (negative counts from the end) or a header name.
  int labelCol = -1;
  int parsedIndex = 0;
  const bool byIndex = parseIndex(options.labelColumn, &parsedIndex);
  if (options.labelColumn.empty()) return Error("no label column given", path);
  if (byIndex) {
    labelCol = parsedIndex < 0 ? columns + parsedIndex : parsedIndex;
    if (labelCol < 0 || labelCol >= columns) {
      return Error("label column " + options.labelColumn + " is outside the " +
                       std::to_string(columns) + " columns",
                   path);
    }
  }
  bool header = false;
  if (options.header == CsvOptions::Header::Present) {
    header = true;
  } else if (options.header == CsvOptions::Header::Auto) {
    if (!byIndex) {
      header = true;
    } else {
      // A header is a first row whose feature cells are not numbers.
      for (int c = 0; c < columns; ++c) {
        float v = 0;
        if (c != labelCol && !parseFloat(first[c], &v)) header = true;
      }
    }
  }
  if (!byIndex) {
    if (!header) {
      return Error("the label column is given by name ('" + options.labelColumn +
                       "') but the file has no header row; give its 0-based index instead",
                   path);
    }
    auto it = std::find(first.begin(), first.end(), options.labelColumn);
    if (it == first.end()) {
      return Error("no column named '" + options.labelColumn + "' in the header", path);
    }
    labelCol = static_cast<int>(it - first.begin());
  }
  std::vector<std::string> columnNames;
  for (int c = 0; c < columns; ++c) {
    columnNames.push_back(header ? first[c] : std::to_string(c));
  }

  ParsedDataset out;
  out.info.kind = DatasetKind::Tabular;
  out.info.featureDims = columns - 1;
  out.info.source = "csv " + path;
  const QString fileName = QFileInfo(QString::fromStdString(path)).fileName();
  const std::string base = fileName.toStdString();
  std::vector<std::string> rawLabels;
  std::vector<std::pair<std::string, ParsedSample>> kept;  // (label text, sample)
  for (size_t r = header ? 1 : 0; r < rows.size(); ++r) {
    const auto& [lineNo, cells] = rows[r];
    const std::string where = base + " row " + std::to_string(lineNo);
    if (static_cast<int>(cells.size()) != columns) {
      out.rejected.push_back(
          {where, std::to_string(cells.size()) + " columns, expected " + std::to_string(columns)});
      continue;
    }
    if (cells[labelCol].empty()) {
      out.rejected.push_back({where, "empty label"});
      continue;
    }
    std::vector<float> features;
    std::string bad;
    for (int c = 0; c < columns && bad.empty(); ++c) {
      if (c == labelCol) continue;
      float v = 0;
      if (!parseFloat(cells[c], &v)) {
        bad = "column '" + columnNames[c] + "' is not a number: '" + cells[c] + "'";
      }
      features.push_back(v);
    }
    if (!bad.empty()) {
      out.rejected.push_back({where, bad});
      continue;
    }
    ParsedSample s;
    s.source = where;
    appendFloats(&s.blob, features);
    rawLabels.push_back(cells[labelCol]);
    kept.emplace_back(cells[labelCol], std::move(s));
  }
  out.info.classNames = sortedClassNames(rawLabels);
  for (auto& [label, s] : kept) {
    s.label =
        static_cast<int>(std::find(out.info.classNames.begin(), out.info.classNames.end(), label) -
                         out.info.classNames.begin());
    out.samples.push_back(std::move(s));
  }
  return out;
}

// ---------------------------------------------------------------------------------------- IDX

Result<ParsedDataset> readIdx(const std::vector<IdxPair>& pairs) {
  if (pairs.empty()) return Error("no IDX image/label files given");
  ParsedDataset out;
  out.info.kind = DatasetKind::Image;
  out.info.imageChannels = 1;
  int maxLabel = -1;
  std::string sources;
  for (const IdxPair& pair : pairs) {
    Result<std::vector<uint8_t>> images = readMaybeGzip(pair.images);
    if (!images.ok()) return images.error();
    Result<std::vector<uint8_t>> labels = readMaybeGzip(pair.labels);
    if (!labels.ok()) return labels.error();
    const std::vector<uint8_t>& im = *images;
    const std::vector<uint8_t>& lb = *labels;
    if (im.size() < 16) return Error("too short for an IDX image file header", pair.images);
    if (lb.size() < 8) return Error("too short for an IDX label file header", pair.labels);
    if (bigEndian32(im.data()) != 0x00000803) {
      return Error(
          "not an IDX image file (magic number must be 0x00000803, unsigned bytes in "
          "3 dimensions)",
          pair.images);
    }
    if (bigEndian32(lb.data()) != 0x00000801) {
      return Error(
          "not an IDX label file (magic number must be 0x00000801, unsigned bytes in "
          "1 dimension)",
          pair.labels);
    }
    const uint32_t count = bigEndian32(im.data() + 4);
    const uint32_t rows = bigEndian32(im.data() + 8);
    const uint32_t cols = bigEndian32(im.data() + 12);
    const uint32_t labelCount = bigEndian32(lb.data() + 4);
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096) {
      return Error("implausible image size " + std::to_string(rows) + "x" + std::to_string(cols),
                   pair.images);
    }
    if (count != labelCount) {
      return Error(std::to_string(count) + " images but " + std::to_string(labelCount) +
                       " labels in " + pair.labels,
                   pair.images);
    }
    const uint64_t pixels = uint64_t(rows) * cols;
    if (im.size() < 16 + pixels * count) {
      return Error("truncated: the header announces " + std::to_string(count) + " images of " +
                       std::to_string(rows) + "x" + std::to_string(cols) + " (" +
                       std::to_string(16 + pixels * count) + " bytes) but the file has " +
                       std::to_string(im.size()) + " bytes",
                   pair.images);
    }
    if (lb.size() < 8 + uint64_t(count)) {
      return Error("truncated: the header announces " + std::to_string(count) +
                       " labels but the file has " + std::to_string(lb.size() - 8),
                   pair.labels);
    }
    if (out.info.imageHeight == 0) {
      out.info.imageHeight = static_cast<int>(rows);
      out.info.imageWidth = static_cast<int>(cols);
    } else if (out.info.imageHeight != static_cast<int>(rows) ||
               out.info.imageWidth != static_cast<int>(cols)) {
      return Error("images are " + std::to_string(rows) + "x" + std::to_string(cols) +
                       " but the first file's are " + std::to_string(out.info.imageHeight) + "x" +
                       std::to_string(out.info.imageWidth),
                   pair.images);
    }
    const std::string base =
        QFileInfo(QString::fromStdString(pair.images)).fileName().toStdString();
    for (uint32_t i = 0; i < count; ++i) {
      ParsedSample s;
      s.label = lb[8 + i];
      s.source = base + " #" + std::to_string(i);
      const uint8_t* p = im.data() + 16 + pixels * i;
      s.blob.assign(p, p + pixels);
      maxLabel = std::max(maxLabel, s.label);
      out.samples.push_back(std::move(s));
    }
    sources += (sources.empty() ? "" : " ") + pair.images + " " + pair.labels;
  }
  for (int c = 0; c <= maxLabel; ++c) out.info.classNames.push_back(std::to_string(c));
  out.info.source = "idx " + sources;
  return out;
}

// ------------------------------------------------------------------------------ image folders

Result<ParsedDataset> readImageFolder(const std::string& dir) {
  const QString root = QString::fromStdString(dir);
  if (!QFileInfo(root).isDir()) return Error("not a folder", dir);
  ParsedDataset out;
  out.info.kind = DatasetKind::Image;
  out.info.source = "images " + dir;
  for (const QFileInfo& classDir : classFolders(root)) {
    const std::string className = classDir.fileName().toStdString();
    const int label = static_cast<int>(out.info.classNames.size());
    out.info.classNames.push_back(className);
    const QFileInfoList files = QDir(classDir.filePath()).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo& f : files) {
      const std::string where = className + "/" + f.fileName().toStdString();
      const QString ext = f.suffix().toLower();
      if (ext != u"png" && ext != u"jpg" && ext != u"jpeg") {
        out.rejected.push_back({where, "not a PNG or JPEG file"});
        continue;
      }
      cv::Mat img;
      try {
        img = cv::imread(f.filePath().toStdString(), cv::IMREAD_UNCHANGED);
      } catch (const cv::Exception& e) {
        out.rejected.push_back({where, std::string("OpenCV could not read it: ") + e.what()});
        continue;
      }
      if (img.empty()) {
        out.rejected.push_back({where, "not a readable image (damaged or not PNG/JPEG data)"});
        continue;
      }
      if (img.depth() != CV_8U) {
        out.rejected.push_back({where, "only 8-bit images are supported"});
        continue;
      }
      if (img.channels() == 4) cv::cvtColor(img, img, cv::COLOR_BGRA2BGR);
      if (img.channels() != 1 && img.channels() != 3) {
        out.rejected.push_back({where, std::to_string(img.channels()) + " channels"});
        continue;
      }
      if (out.info.imageHeight == 0) {
        out.info.imageHeight = img.rows;
        out.info.imageWidth = img.cols;
        out.info.imageChannels = img.channels();
      } else if (img.rows != out.info.imageHeight || img.cols != out.info.imageWidth ||
                 img.channels() != out.info.imageChannels) {
        // Rejected rather than resized: a silent resize would hide a wrong file in the folder.
        out.rejected.push_back(
            {where, "is " + std::to_string(img.cols) + "x" + std::to_string(img.rows) + "x" +
                        std::to_string(img.channels()) + " (WxHxC) but the dataset's images are " +
                        std::to_string(out.info.imageWidth) + "x" +
                        std::to_string(out.info.imageHeight) + "x" +
                        std::to_string(out.info.imageChannels)});
        continue;
      }
      cv::Mat cont = img.isContinuous() ? img : img.clone();
      ParsedSample s;
      s.label = label;
      s.source = where;
      s.blob.assign(cont.data, cont.data + cont.total() * cont.elemSize());
      out.samples.push_back(std::move(s));
    }
  }
  if (out.info.classNames.empty()) {
    return Error("no class subfolders (expected DIR/<class>/<image files>)", dir);
  }
  return out;
}

// -------------------------------------------------------------------------------- WAV folders

namespace {

uint32_t le32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
uint16_t le16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

struct Wav {
  int rateHz = 0;
  std::vector<int16_t> mono;
};

// Walks the RIFF chunks: fmt must be PCM 16-bit mono/stereo, unknown chunks are skipped.
Result<Wav> parseWav(const std::vector<uint8_t>& d) {
  if (d.size() < 12 || std::memcmp(d.data(), "RIFF", 4) != 0 ||
      std::memcmp(d.data() + 8, "WAVE", 4) != 0) {
    return Error("not a RIFF/WAVE file");
  }
  bool haveFmt = false;
  int channels = 0;
  Wav wav;
  size_t pos = 12;
  while (pos + 8 <= d.size()) {
    const uint8_t* id = d.data() + pos;
    const uint32_t size = le32(d.data() + pos + 4);
    const size_t body = pos + 8;
    const bool isData = std::memcmp(id, "data", 4) == 0;
    if (body + size > d.size() && !isData) {
      return Error("truncated: chunk '" + std::string(reinterpret_cast<const char*>(id), 4) +
                   "' declares " + std::to_string(size) + " bytes, " +
                   std::to_string(d.size() - body) + " present");
    }
    if (std::memcmp(id, "fmt ", 4) == 0) {
      if (size < 16) return Error("fmt chunk too short");
      const uint16_t format = le16(d.data() + body);
      channels = le16(d.data() + body + 2);
      wav.rateHz = static_cast<int>(le32(d.data() + body + 4));
      const uint16_t bits = le16(d.data() + body + 14);
      uint16_t effective = format;
      if (format == 0xFFFE && size >= 26) effective = le16(d.data() + body + 24);
      if (effective != 1) {
        return Error("not PCM (format code " + std::to_string(format) +
                     "); only 16-bit PCM is supported");
      }
      if (bits != 16) return Error(std::to_string(bits) + "-bit PCM; only 16-bit is supported");
      if (channels != 1 && channels != 2) {
        return Error(std::to_string(channels) + " channels; only mono and stereo are supported");
      }
      if (wav.rateHz <= 0) return Error("sample rate 0");
      haveFmt = true;
    } else if (isData) {
      if (!haveFmt) return Error("data chunk before the fmt chunk");
      if (body + size > d.size()) {
        return Error("truncated: the data chunk declares " + std::to_string(size) + " bytes, " +
                     std::to_string(d.size() - body) + " present");
      }
      const size_t frames = size / (2u * channels);
      if (frames == 0) return Error("no audio samples");
      wav.mono.resize(frames);
      for (size_t i = 0; i < frames; ++i) {
        const uint8_t* f = d.data() + body + i * 2 * channels;
        const int l = static_cast<int16_t>(le16(f));
        // Stereo is mixed to mono by the mean; the sum of two int16 fits in an int.
        const int r = channels == 2 ? static_cast<int16_t>(le16(f + 2)) : l;
        wav.mono[i] = static_cast<int16_t>((l + r) / 2);
      }
      return wav;
    }
    pos = body + size + (size & 1u);  // chunks are padded to an even size
  }
  return Error(haveFmt ? "no data chunk" : "no fmt chunk");
}

}  // namespace

Result<ParsedDataset> readWavFolder(const std::string& dir) {
  const QString root = QString::fromStdString(dir);
  if (!QFileInfo(root).isDir()) return Error("not a folder", dir);
  ParsedDataset out;
  out.info.kind = DatasetKind::Audio;
  out.info.source = "wav " + dir;
  for (const QFileInfo& classDir : classFolders(root)) {
    const std::string className = classDir.fileName().toStdString();
    const int label = static_cast<int>(out.info.classNames.size());
    out.info.classNames.push_back(className);
    for (const QFileInfo& f : QDir(classDir.filePath()).entryInfoList(QDir::Files, QDir::Name)) {
      const std::string where = className + "/" + f.fileName().toStdString();
      if (f.suffix().toLower() != u"wav") {
        out.rejected.push_back({where, "not a .wav file"});
        continue;
      }
      std::ifstream in(f.filePath().toStdString(), std::ios::binary);
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>());
      Result<Wav> wav = parseWav(bytes);
      if (!wav.ok()) {
        out.rejected.push_back({where, wav.error().message});
        continue;
      }
      if (out.info.audioRateHz == 0) {
        out.info.audioRateHz = wav->rateHz;
      } else if (wav->rateHz != out.info.audioRateHz) {
        out.rejected.push_back({where, "sample rate " + std::to_string(wav->rateHz) +
                                           " Hz, the dataset's is " +
                                           std::to_string(out.info.audioRateHz) + " Hz"});
        continue;
      }
      ParsedSample s;
      s.label = label;
      s.source = where;
      const auto* p = reinterpret_cast<const uint8_t*>(wav->mono.data());
      s.blob.assign(p, p + wav->mono.size() * sizeof(int16_t));
      out.samples.push_back(std::move(s));
    }
  }
  if (out.info.classNames.empty()) {
    return Error("no class subfolders (expected DIR/<class>/<file>.wav)", dir);
  }
  return out;
}

// ---------------------------------------------------------------------------------- digits.png

Result<ParsedDataset> readDigitsPng(const std::string& file) {
  constexpr int kCell = 20;
  constexpr int kCols = 100;
  constexpr int kRows = 50;
  constexpr int kRowsPerClass = 5;
  cv::Mat img;
  try {
    img = cv::imread(file, cv::IMREAD_GRAYSCALE);
  } catch (const cv::Exception& e) {
    return Error(std::string("OpenCV could not read it: ") + e.what(), file);
  }
  if (img.empty()) return Error("not a readable image", file);
  if (img.cols != kCell * kCols || img.rows != kCell * kRows) {
    return Error("expected OpenCV's digits.png (2000x1000), got " + std::to_string(img.cols) + "x" +
                     std::to_string(img.rows),
                 file);
  }
  ParsedDataset out;
  out.info.kind = DatasetKind::Image;
  out.info.imageHeight = kCell;
  out.info.imageWidth = kCell;
  out.info.imageChannels = 1;
  out.info.source = "digits " + file;
  for (int c = 0; c < kRows / kRowsPerClass; ++c) out.info.classNames.push_back(std::to_string(c));
  for (int r = 0; r < kRows; ++r) {
    for (int c = 0; c < kCols; ++c) {
      const cv::Mat cell = img(cv::Rect(c * kCell, r * kCell, kCell, kCell)).clone();
      ParsedSample s;
      s.label = r / kRowsPerClass;
      s.source = "digits.png r" + std::to_string(r) + " c" + std::to_string(c);
      s.blob.assign(cell.data, cell.data + cell.total());
      out.samples.push_back(std::move(s));
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------- store

Result<ImportReport> importDataset(store::Project& project, const std::string& name,
                                   const ParsedDataset& parsed) {
  if (parsed.samples.empty()) {
    std::string msg = "nothing usable to import";
    if (!parsed.rejected.empty()) {
      msg += ": all " + std::to_string(parsed.rejected.size()) + " files/rows were rejected";
    }
    return Error(msg, "importing '" + name + "'");
  }
  DatasetInfo info = parsed.info;
  info.name = name;
  DatasetRepository repo(project);
  Result<int64_t> id = repo.create(info, parsed.samples);
  if (!id.ok()) return id.error();
  ImportReport report;
  Result<DatasetInfo> stored = repo.get(*id);
  if (!stored.ok()) return stored.error();
  report.dataset = *stored;
  report.samplesPerClass.assign(info.classNames.size(), 0);
  for (const ParsedSample& s : parsed.samples) ++report.samplesPerClass[s.label];
  report.rejected = parsed.rejected;
  return report;
}

}  // namespace edgewise::dataset
