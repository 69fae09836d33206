#include <opencv2/imgcodecs.hpp>

#include "core/dataset/data/importers.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using DigitsImport = DatasetTest;

TEST_F(DigitsImport, FiveHundredPerClassAndKnownCellPixels) {
  const std::string file = qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
  auto r = readDigitsPng(file);
  EW_ASSERT_OK(r);
  ASSERT_EQ(r->samples.size(), 5000u);
  std::vector<int> perClass(10, 0);
  for (const ParsedSample& s : r->samples) ++perClass.at(static_cast<size_t>(s.label));
  EXPECT_EQ(perClass, std::vector<int>(10, 500));
  // Cell row 27, column 42: class 5, sample index 27 * 100 + 42.
  const cv::Mat img = cv::imread(file, cv::IMREAD_GRAYSCALE);
  const cv::Mat cell = img(cv::Rect(42 * 20, 27 * 20, 20, 20)).clone();
  const ParsedSample& s = r->samples[27 * 100 + 42];
  EXPECT_EQ(s.label, 5);
  EXPECT_EQ(s.source, "digits.png r27 c42");
  ASSERT_EQ(s.blob.size(), 400u);
  EXPECT_EQ(s.blob, std::vector<uint8_t>(cell.data, cell.data + 400));
  EXPECT_GT(cv::countNonZero(cell), 20);  // a real digit, not an empty cell
}

TEST_F(DigitsImport, WrongSizeRefused) {
  ASSERT_TRUE(cv::imwrite(path("small.png"), cv::Mat(10, 10, CV_8UC1, cv::Scalar(0))));
  auto r = readDigitsPng(path("small.png"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "expected OpenCV's digits.png (2000x1000), got 10x10");
}

}  // namespace
}  // namespace edgewise::dataset::test
