#include "core/training/model_file.h"

#include <QFile>
#include <QSaveFile>
#include <QString>
#include <cstring>

namespace edgewise::training {
namespace {

constexpr char kMagic[8] = {'E', 'W', 'C', 'V', 'M', 'O', 'D', 'L'};
constexpr uint32_t kFormatVersion = 1;
// A model file larger than this is refused rather than read into memory.
constexpr int64_t kMaxFileBytes = int64_t{2} << 30;

uint64_t fnv1a(const std::string& bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

template <typename T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // little-endian hosts only, like every other blob here
  out.append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : m_bytes(bytes) {}
  template <typename T>
  bool get(T& v) {
    if (m_bytes.size() - m_pos < sizeof(T)) return false;
    std::memcpy(&v, m_bytes.data() + m_pos, sizeof(T));
    m_pos += sizeof(T);
    return true;
  }
  bool getBytes(uint64_t n, std::string& out) {
    if (m_bytes.size() - m_pos < n) return false;
    out.assign(m_bytes, m_pos, static_cast<size_t>(n));
    m_pos += static_cast<size_t>(n);
    return true;
  }
  size_t remaining() const { return m_bytes.size() - m_pos; }

 private:
  const std::string& m_bytes;
  size_t m_pos = 0;
};

Error truncated(const std::string& what) {
  return Error("the model file is truncated (it ends inside " + what +
               "); save the model again or restore the file");
}

}  // namespace

std::string encodeModelFile(const ModelFile& file) {
  std::string out(kMagic, sizeof(kMagic));
  put(out, kFormatVersion);
  put(out, static_cast<uint32_t>(file.familyId.size()));
  out += file.familyId;
  put(out, file.numClasses);
  put(out, file.dims);
  put(out, file.parameterCount);
  put(out, static_cast<uint32_t>(file.parts.size()));
  for (const std::string& part : file.parts) {
    put(out, static_cast<uint64_t>(part.size()));
    put(out, fnv1a(part));
    out += part;
  }
  return out;
}

Result<ModelFile> decodeModelFile(const std::string& bytes) {
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return Error("not an Edgewise OpenCV model file (bad magic bytes)");
  Reader r(bytes);
  std::string skip;
  r.getBytes(sizeof(kMagic), skip);
  uint32_t version = 0;
  if (!r.get(version)) return truncated("the header");
  if (version != kFormatVersion)
    return Error("model file format version " + std::to_string(version) +
                 " is not supported (this build reads version " + std::to_string(kFormatVersion) +
                 ")");
  ModelFile f;
  uint32_t idLength = 0;
  if (!r.get(idLength)) return truncated("the header");
  if (idLength > 64)
    return Error("the model file is corrupt (family id length " + std::to_string(idLength) + ")");
  if (!r.getBytes(idLength, f.familyId)) return truncated("the header");
  uint32_t partCount = 0;
  if (!r.get(f.numClasses) || !r.get(f.dims) || !r.get(f.parameterCount) || !r.get(partCount))
    return truncated("the header");
  if (f.numClasses < 2 || f.dims < 1 || partCount < 1 || partCount > 1024)
    return Error("the model file is corrupt (classes " + std::to_string(f.numClasses) + ", dims " +
                 std::to_string(f.dims) + ", parts " + std::to_string(partCount) + ")");
  for (uint32_t i = 0; i < partCount; ++i) {
    uint64_t length = 0;
    uint64_t checksum = 0;
    const std::string what =
        "model part " + std::to_string(i + 1) + " of " + std::to_string(partCount);
    if (!r.get(length) || !r.get(checksum)) return truncated(what);
    std::string part;
    if (!r.getBytes(length, part)) return truncated(what);
    if (fnv1a(part) != checksum)
      return Error("the model file is corrupt (checksum mismatch in " + what + ")");
    f.parts.push_back(std::move(part));
  }
  if (r.remaining() != 0)
    return Error("the model file is corrupt (" + std::to_string(r.remaining()) +
                 " unexpected bytes after the last part)");
  return f;
}

Result<void> writeModelFile(const std::string& path, const ModelFile& file) {
  const std::string bytes = encodeModelFile(file);
  QSaveFile out(QString::fromStdString(path));
  if (!out.open(QIODevice::WriteOnly))
    return Error(out.errorString().toStdString(), "saving model " + path);
  if (out.write(bytes.data(), static_cast<qint64>(bytes.size())) !=
      static_cast<qint64>(bytes.size())) {
    const std::string why = out.errorString().toStdString();
    out.cancelWriting();
    return Error(why, "saving model " + path);
  }
  if (!out.commit()) return Error(out.errorString().toStdString(), "saving model " + path);
  return okResult();
}

Result<ModelFile> readModelFile(const std::string& path) {
  QFile in(QString::fromStdString(path));
  if (!in.open(QIODevice::ReadOnly))
    return Error(in.errorString().toStdString(), "loading model " + path);
  if (in.size() > kMaxFileBytes)
    return Error("the file is too large to be a model (" + std::to_string(in.size()) + " bytes)",
                 "loading model " + path);
  const QByteArray data = in.readAll();
  auto decoded = decodeModelFile(std::string(data.constData(), static_cast<size_t>(data.size())));
  if (!decoded.ok()) return decoded.error().wrap("loading model " + path);
  return decoded;
}

}  // namespace edgewise::training
