#include <cstring>

#include "core/dataset/data/importers.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using WavImport = DatasetTest;

std::vector<int16_t> int16Of(const std::vector<uint8_t>& blob) {
  std::vector<int16_t> v(blob.size() / 2);
  std::memcpy(v.data(), blob.data(), v.size() * 2);
  return v;
}

TEST_F(WavImport, MonoStereoMixedUnknownChunksSkippedBadFilesRejected) {
  write("w/no/a.wav", wavBytes(16000, 1, {1, -2, 300, -32768}));
  write("w/yes/b.wav", wavBytes(16000, 2, {100, 200, -100, -300, 32767, 32767}, true));
  write("w/yes/c.wav", wavBytes(8000, 1, {1, 2}));
  write("w/yes/d.wav", wavBytes(16000, 1, {1, 2}, false, 3, 32));
  write("w/yes/e.wav", wavBytes(16000, 1, {1, 2}, false, 1, 8));
  std::vector<uint8_t> cut = wavBytes(16000, 1, {1, 2, 3, 4});
  cut.resize(cut.size() - 3);
  write("w/yes/f.wav", cut);
  write("w/yes/g.wav", std::string("RIFX1234WAVE"));
  write("w/yes/h.txt", std::string("hello"));
  auto r = readWavFolder(path("w"));
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->info.kind, DatasetKind::Audio);
  EXPECT_EQ(r->info.audioRateHz, 16000);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"no", "yes"}));
  ASSERT_EQ(r->samples.size(), 2u) << rejectionText(r->rejected);
  EXPECT_EQ(int16Of(r->samples[0].blob), (std::vector<int16_t>{1, -2, 300, -32768}));
  EXPECT_EQ(r->samples[1].label, 1);
  EXPECT_EQ(int16Of(r->samples[1].blob), (std::vector<int16_t>{150, -200, 32767}));
  EXPECT_EQ(rejectionText(r->rejected),
            "yes/c.wav: sample rate 8000 Hz, the dataset's is 16000 Hz\n"
            "yes/d.wav: not PCM (format code 3); only 16-bit PCM is supported\n"
            "yes/e.wav: 8-bit PCM; only 16-bit is supported\n"
            "yes/f.wav: truncated: the data chunk declares 8 bytes, 5 present\n"
            "yes/g.wav: not a RIFF/WAVE file\n"
            "yes/h.txt: not a .wav file\n");
}

TEST_F(WavImport, ChunkLevelDefects) {
  // WAVE_FORMAT_EXTENSIBLE whose sub-format is PCM is accepted.
  std::vector<uint8_t> ext = wavBytes(22050, 1, {7, -7});
  ext[20] = 0xFE;
  ext[21] = 0xFF;
  ext[16] = 40;  // fmt chunk size 40: 16 + cbSize(2) + 22 bytes of extension
  std::vector<uint8_t> extension(24, 0);
  extension[0] = 22;  // cbSize
  extension[8] = 1;   // sub-format GUID starts with 0x0001 (PCM)
  ext.insert(ext.begin() + 36, extension.begin(), extension.end());
  const uint32_t riffSize = static_cast<uint32_t>(ext.size() - 8);
  for (int i = 0; i < 4; ++i) ext[4 + i] = static_cast<uint8_t>(riffSize >> (8 * i));
  write("w/a/ext.wav", ext);
  // A fmt chunk only: no data chunk.
  std::vector<uint8_t> noData = wavBytes(22050, 1, {1});
  noData.resize(36);
  write("w/a/nodata.wav", noData);
  // An unknown chunk that claims more bytes than the file holds.
  std::vector<uint8_t> badList = wavBytes(22050, 1, {1}, true);
  badList[40] = 0xFF;
  badList.resize(48);
  write("w/a/badlist.wav", badList);
  write("w/a/three.wav", wavBytes(22050, 3, {1, 2, 3}));
  auto r = readWavFolder(path("w"));
  EW_ASSERT_OK(r);
  ASSERT_EQ(r->samples.size(), 1u) << rejectionText(r->rejected);
  EXPECT_EQ(r->info.audioRateHz, 22050);
  EXPECT_EQ(int16Of(r->samples[0].blob), (std::vector<int16_t>{7, -7}));
  EXPECT_EQ(rejectionText(r->rejected),
            "a/badlist.wav: truncated: chunk 'LIST' declares 255 bytes, 4 present\n"
            "a/nodata.wav: no data chunk\n"
            "a/three.wav: 3 channels; only mono and stereo are supported\n");
}

}  // namespace
}  // namespace edgewise::dataset::test
