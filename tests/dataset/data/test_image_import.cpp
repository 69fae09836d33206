#include <opencv2/imgcodecs.hpp>

#include "core/dataset/data/importers.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using ImageImport = DatasetTest;

TEST_F(ImageImport, ClassFoldersSameSizeOthersRejected) {
  cv::Mat a(4, 3, CV_8UC3, cv::Scalar(10, 20, 30));
  a.at<cv::Vec3b>(1, 2) = cv::Vec3b(1, 2, 3);
  write("imgs/cat/x", "");  // creates the folder
  ASSERT_TRUE(cv::imwrite(path("imgs/cat/a.png"), a));
  ASSERT_TRUE(cv::imwrite(path("imgs/cat/b.png"), cv::Mat(4, 3, CV_8UC3, cv::Scalar(5, 6, 7))));
  write("imgs/dog/y", "");
  ASSERT_TRUE(cv::imwrite(path("imgs/dog/big.png"), cv::Mat(5, 3, CV_8UC3, cv::Scalar(1))));
  ASSERT_TRUE(cv::imwrite(path("imgs/dog/gray.png"), cv::Mat(4, 3, CV_8UC1, cv::Scalar(1))));
  ASSERT_TRUE(cv::imwrite(path("imgs/dog/ok.png"), cv::Mat(4, 3, CV_8UC3, cv::Scalar(9, 8, 7))));
  write("imgs/dog/broken.png", "not a png at all");
  auto r = readImageFolder(path("imgs"));
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->info.classNames, (std::vector<std::string>{"cat", "dog"}));
  EXPECT_EQ(r->info.imageHeight, 4);
  EXPECT_EQ(r->info.imageWidth, 3);
  EXPECT_EQ(r->info.imageChannels, 3);
  ASSERT_EQ(r->samples.size(), 3u) << rejectionText(r->rejected);
  EXPECT_EQ(r->samples[0].source, "cat/a.png");
  ASSERT_EQ(r->samples[0].blob.size(), 36u);
  EXPECT_EQ(r->samples[0].blob[0], 10);
  EXPECT_EQ(r->samples[0].blob[(1 * 3 + 2) * 3 + 2], 3);
  EXPECT_EQ(r->samples[2].label, 1);
  EXPECT_EQ(r->samples[2].source, "dog/ok.png");
  EXPECT_EQ(rejectionText(r->rejected),
            "cat/x: not a PNG or JPEG file\n"
            "dog/big.png: is 3x5x3 (WxHxC) but the dataset's images are 3x4x3\n"
            "dog/broken.png: not a readable image (damaged or not PNG/JPEG data)\n"
            "dog/gray.png: is 3x4x1 (WxHxC) but the dataset's images are 3x4x3\n"
            "dog/y: not a PNG or JPEG file\n");
}

TEST_F(ImageImport, NotAFolderOrNoClasses) {
  auto none = readImageFolder(path("missing"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "not a folder");
  write("flat/a.png", "x");
  auto flat = readImageFolder(path("flat"));
  ASSERT_FALSE(flat.ok());
  EXPECT_NE(flat.error().message.find("no class subfolders"), std::string::npos);
}

}  // namespace
}  // namespace edgewise::dataset::test
