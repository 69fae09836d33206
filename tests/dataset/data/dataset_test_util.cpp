#include "tests/dataset/data/dataset_test_util.h"

#include <zlib.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <cstring>

namespace edgewise::dataset::test {

std::string DatasetTest::write(const std::string& name, const std::string& bytes) const {
  return write(name, std::vector<uint8_t>(bytes.begin(), bytes.end()));
}

std::string DatasetTest::write(const std::string& name, const std::vector<uint8_t>& bytes) const {
  const QString p = m_dir.filePath(QString::fromStdString(name));
  QDir().mkpath(QFileInfo(p).path());
  QFile f(p);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
  return p.toStdString();
}

std::vector<uint8_t> gzipBytes(const std::vector<uint8_t>& plain) {
  z_stream z{};
  // windowBits 31: deflate with a gzip header and trailer.
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::vector<uint8_t> out(deflateBound(&z, plain.size()) + 64);
  z.next_in = const_cast<Bytef*>(plain.data());
  z.avail_in = static_cast<uInt>(plain.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

namespace {
void be32(std::vector<uint8_t>& v, uint32_t x) {
  for (int s = 24; s >= 0; s -= 8) v.push_back(static_cast<uint8_t>(x >> s));
}
void le32(std::vector<uint8_t>& v, uint32_t x) {
  for (int s = 0; s <= 24; s += 8) v.push_back(static_cast<uint8_t>(x >> s));
}
void le16(std::vector<uint8_t>& v, uint16_t x) {
  v.push_back(static_cast<uint8_t>(x));
  v.push_back(static_cast<uint8_t>(x >> 8));
}
void tag(std::vector<uint8_t>& v, const char* t) {
  v.insert(v.end(), t, t + 4);
}
}  // namespace

std::vector<uint8_t> idxImages(uint32_t n, uint32_t rows, uint32_t cols) {
  std::vector<uint8_t> v;
  be32(v, 0x00000803);
  be32(v, n);
  be32(v, rows);
  be32(v, cols);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t k = 0; k < rows * cols; ++k) v.push_back(static_cast<uint8_t>((i * 7 + k) % 256));
  }
  return v;
}

std::vector<uint8_t> idxLabels(uint32_t n, int classes) {
  std::vector<uint8_t> v;
  be32(v, 0x00000801);
  be32(v, n);
  for (uint32_t i = 0; i < n; ++i) v.push_back(static_cast<uint8_t>(i % classes));
  return v;
}

std::vector<uint8_t> wavBytes(int rateHz, int channels, const std::vector<int16_t>& interleaved,
                              bool extraChunk, uint16_t format, uint16_t bits) {
  std::vector<uint8_t> body;
  tag(body, "WAVE");
  tag(body, "fmt ");
  le32(body, 16);
  le16(body, format);
  le16(body, static_cast<uint16_t>(channels));
  le32(body, static_cast<uint32_t>(rateHz));
  le32(body, static_cast<uint32_t>(rateHz * channels * bits / 8));
  le16(body, static_cast<uint16_t>(channels * bits / 8));
  le16(body, bits);
  if (extraChunk) {
    tag(body, "LIST");
    le32(body, 3);  // odd size: followed by a pad byte
    body.insert(body.end(), {'a', 'b', 'c', 0});
  }
  tag(body, "data");
  le32(body, static_cast<uint32_t>(interleaved.size() * 2));
  for (int16_t s : interleaved) le16(body, static_cast<uint16_t>(s));
  std::vector<uint8_t> v;
  tag(v, "RIFF");
  le32(v, static_cast<uint32_t>(body.size()));
  v.insert(v.end(), body.begin(), body.end());
  return v;
}

std::vector<float> floatsOf(const std::vector<uint8_t>& blob) {
  std::vector<float> f(blob.size() / sizeof(float));
  std::memcpy(f.data(), blob.data(), f.size() * sizeof(float));
  return f;
}

std::string rejectionText(const std::vector<Rejection>& rejected) {
  std::string s;
  for (const Rejection& r : rejected) s += r.source + ": " + r.reason + "\n";
  return s;
}

CliRun runCli(const QStringList& args) {
  const QString bin = qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/edgewise-cli");
  QProcess p;
  p.start(bin, args);
  CliRun r;
  if (!p.waitForStarted(10000)) {
    ADD_FAILURE() << "could not start " << bin.toStdString();
    return r;
  }
  p.waitForFinished(120000);
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}

}  // namespace edgewise::dataset::test
