#include "core/dataset/data/importers.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using IdxImport = DatasetTest;

TEST_F(IdxImport, PlainAndGzipPairsGiveExactPixels) {
  const std::string im1 = write("a-images.idx3-ubyte", idxImages(5, 3, 2));
  const std::string lb1 = write("a-labels.idx1-ubyte", idxLabels(5, 3));
  const std::string im2 = write("b-images.gz", gzipBytes(idxImages(4, 3, 2)));
  const std::string lb2 = write("b-labels.gz", gzipBytes(idxLabels(4, 4)));
  auto r = readIdx({{im1, lb1}, {im2, lb2}});
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->info.kind, DatasetKind::Image);
  EXPECT_EQ(r->info.imageHeight, 3);
  EXPECT_EQ(r->info.imageWidth, 2);
  EXPECT_EQ(r->info.imageChannels, 1);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"0", "1", "2", "3"}));
  ASSERT_EQ(r->samples.size(), 9u);
  // Image i pixel k = (i * 7 + k) % 256.
  EXPECT_EQ(r->samples[2].blob, (std::vector<uint8_t>{14, 15, 16, 17, 18, 19}));
  EXPECT_EQ(r->samples[2].label, 2);
  EXPECT_EQ(r->samples[8].blob, (std::vector<uint8_t>{21, 22, 23, 24, 25, 26}));
  EXPECT_EQ(r->samples[8].label, 3);
  EXPECT_EQ(r->samples[8].source, "b-images.gz #3");
}

TEST_F(IdxImport, MalformedFilesAreRefusedWithReasons) {
  const std::string im = write("im", idxImages(5, 3, 2));
  const std::string lb = write("lb", idxLabels(5, 3));
  const std::string lb20 = write("lb20", idxLabels(20, 3));
  auto swapped = readIdx({{lb20, im}});
  ASSERT_FALSE(swapped.ok());
  EXPECT_EQ(swapped.error().context, lb20);
  EXPECT_NE(swapped.error().message.find("not an IDX image file"), std::string::npos);
  auto badLabels = readIdx({{im, im}});
  ASSERT_FALSE(badLabels.ok());
  EXPECT_NE(badLabels.error().message.find("not an IDX label file"), std::string::npos);

  auto counts = readIdx({{im, write("lb4", idxLabels(4, 3))}});
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.error().message.find("5 images but 4 labels"), std::string::npos);

  std::vector<uint8_t> cut = idxImages(5, 3, 2);
  cut.resize(cut.size() - 1);
  auto truncated = readIdx({{write("cut", cut), lb}});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().message,
            "truncated: the header announces 5 images of 3x2 (46 bytes) but the file has 45 "
            "bytes");

  std::vector<uint8_t> gz = gzipBytes(idxImages(50, 3, 2));
  gz.resize(gz.size() / 2);
  auto badGz = readIdx({{write("cut.gz", gz), lb}});
  ASSERT_FALSE(badGz.ok());
  EXPECT_NE(badGz.error().message.find("truncated"), std::string::npos) << badGz.error().message;

  auto shortFile = readIdx({{write("short", std::string("\x00\x00\x08", 3)), lb}});
  ASSERT_FALSE(shortFile.ok());
  EXPECT_EQ(shortFile.error().message, "too short for an IDX image file header");

  auto mismatch =
      readIdx({{im, lb}, {write("im2", idxImages(1, 2, 2)), write("lb1", idxLabels(1, 2))}});
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().message, "images are 2x2 but the first file's are 3x2");

  auto missing = readIdx({{path("none"), lb}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "file not found");
}

}  // namespace
}  // namespace edgewise::dataset::test
