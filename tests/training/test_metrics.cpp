#include <gtest/gtest.h>

#include <QFile>
#include <QString>
#include <nlohmann/json.hpp>

#include "core/training/metrics.h"

namespace edgewise::training::test {
namespace {

TEST(Metrics, HandComputedThreeClasses) {
  // confusion (rows true, columns predicted): [[2,1,0],[0,1,1],[0,0,1]]
  auto m = computeMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
  ASSERT_TRUE(m.ok()) << m.error().toString();
  EXPECT_DOUBLE_EQ(m->accuracy, 4.0 / 6.0);
  const std::vector<std::vector<int64_t>> confusion{{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
  EXPECT_EQ(m->confusion, confusion);
  ASSERT_EQ(m->perClass.size(), 3u);
  EXPECT_DOUBLE_EQ(m->perClass[0].precision, 1.0);
  EXPECT_DOUBLE_EQ(m->perClass[0].recall, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m->perClass[0].f1, 0.8);
  EXPECT_DOUBLE_EQ(m->perClass[1].precision, 0.5);
  EXPECT_DOUBLE_EQ(m->perClass[1].recall, 0.5);
  EXPECT_DOUBLE_EQ(m->perClass[1].f1, 0.5);
  EXPECT_DOUBLE_EQ(m->perClass[2].precision, 0.5);
  EXPECT_DOUBLE_EQ(m->perClass[2].recall, 1.0);
  EXPECT_DOUBLE_EQ(m->perClass[2].f1, 2.0 / 3.0);
  EXPECT_EQ(m->perClass[0].support, 3);
  EXPECT_EQ(m->perClass[1].support, 2);
  EXPECT_EQ(m->perClass[2].support, 1);
  EXPECT_DOUBLE_EQ(m->macroF1, 59.0 / 90.0);  // (4/5 + 1/2 + 2/3) / 3
}

TEST(Metrics, MissingPredictionCountsAsWrong) {
  auto m = computeMetrics({0, 1, 1, 0}, {0, -1, 1, 0}, 2);
  ASSERT_TRUE(m.ok()) << m.error().toString();
  EXPECT_DOUBLE_EQ(m->accuracy, 0.75);
  EXPECT_EQ(m->confusion, (std::vector<std::vector<int64_t>>{{2, 0}, {0, 1}}));
  EXPECT_DOUBLE_EQ(m->perClass[1].recall, 0.5);
  EXPECT_DOUBLE_EQ(m->perClass[1].precision, 1.0);
}

TEST(Metrics, BadInputRefused) {
  auto sizes = computeMetrics({0, 1}, {0}, 2);
  ASSERT_FALSE(sizes.ok());
  EXPECT_EQ(sizes.error().message, "metrics need as many predictions as labels, got 1 and 2");
  auto label = computeMetrics({0, 2}, {0, 1}, 2);
  ASSERT_FALSE(label.ok());
  EXPECT_EQ(label.error().message, "true label 2 of sample 1 is outside [0, 2)");
  auto pred = computeMetrics({0, 1}, {0, 7}, 2);
  ASSERT_FALSE(pred.ok());
  EXPECT_EQ(pred.error().message, "predicted label 7 of sample 1 is outside [0, 2)");
  EXPECT_FALSE(computeMetrics({}, {}, 2).ok());
}

// Values from scikit-learn 1.2.1 (make_metrics_reference.py -> metrics_reference.json).
TEST(Metrics, MatchesScikitLearn) {
  const QString file =
      qEnvironmentVariable("EDGEWISE_SOURCE_DIR") + u"/tests/training/metrics_reference.json";
  QFile in(file);
  ASSERT_TRUE(in.open(QIODevice::ReadOnly)) << file.toStdString();
  const nlohmann::json ref = nlohmann::json::parse(in.readAll().toStdString());
  ASSERT_EQ(ref.at("cases").size(), 3u);
  constexpr double kTol = 1e-12;  // same formulas in double precision
  for (const auto& c : ref.at("cases")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const int k = c.at("num_classes").get<int>();
    auto m = computeMetrics(c.at("y_true").get<std::vector<int>>(),
                            c.at("y_pred").get<std::vector<int>>(), k);
    ASSERT_TRUE(m.ok()) << m.error().toString();
    EXPECT_NEAR(m->accuracy, c.at("accuracy").get<double>(), kTol);
    EXPECT_NEAR(m->macroF1, c.at("macro_f1").get<double>(), kTol);
    EXPECT_EQ(m->confusion, c.at("confusion").get<std::vector<std::vector<int64_t>>>());
    for (int i = 0; i < k; ++i) {
      const auto& pc = m->perClass[static_cast<size_t>(i)];
      EXPECT_NEAR(pc.precision, c.at("precision").at(i).get<double>(), kTol) << "class " << i;
      EXPECT_NEAR(pc.recall, c.at("recall").at(i).get<double>(), kTol) << "class " << i;
      EXPECT_NEAR(pc.f1, c.at("f1").at(i).get<double>(), kTol) << "class " << i;
      EXPECT_EQ(pc.support, c.at("support").at(i).get<int64_t>()) << "class " << i;
    }
  }
}

}  // namespace
}  // namespace edgewise::training::test
