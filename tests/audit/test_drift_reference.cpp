// core/audit against SciPy 1.10 / NumPy (make_drift_reference.py -> drift_reference.json):
// ks_2samp (exact and asymptotic paths), kstwo.sf, special.smirnov, the exact two-sample
// probabilities, wasserstein_distance, chi2_contingency, gammainc(c), chi2.isf, MMD^2 and
// Benjamini-Hochberg. Targets (issue 7): KS statistic 1e-9, p-value 1e-6, Wasserstein and
// MMD 1e-6.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/audit/chi_square.h"
#include "core/audit/fdr.h"
#include "core/audit/ks_distribution.h"
#include "core/audit/mmd.h"
#include "core/audit/psi.h"
#include "core/audit/special_functions.h"
#include "core/audit/two_sample.h"
#include "tests/audit/drift_test_util.h"

namespace edgewise::audit {
namespace {

using test::generate;
using test::reference;

constexpr double kStatTol = 1e-9;
constexpr double kPTol = 1e-6;

double fsum(const std::vector<double>& v) {
  long double s = 0;
  for (double x : v) s += x;
  return static_cast<double>(s);
}

TEST(DriftReference, GeneratorMatchesPython) {
  for (const auto& c : reference().at("two_sample")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    EXPECT_NEAR(fsum(generate(c.at("a"))), c.at("a_sum").get<double>(), 1e-9);
    EXPECT_NEAR(fsum(generate(c.at("b"))), c.at("b_sum").get<double>(), 1e-9);
  }
}

TEST(DriftReference, KsTwoSampleMatchesScipy) {
  int asymptotic = 0;
  for (const auto& c : reference().at("two_sample")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const std::vector<double> a = generate(c.at("a"));
    const std::vector<double> b = generate(c.at("b"));
    const KsResult ks = ksTwoSample(a, b);
    EXPECT_NEAR(ks.statistic, c.at("ks_stat").get<double>(), kStatTol);
    EXPECT_NEAR(ks.pValue, c.at("ks_p").get<double>(), kPTol);
    // Far in the tail, relative accuracy too.
    EXPECT_NEAR(ks.pValue, c.at("ks_p").get<double>(), 1e-6 * c.at("ks_p").get<double>() + 1e-300);
    const bool exact = c.at("ks_method") == "exact";
    EXPECT_EQ(ks.method, exact ? KsMethod::Exact : KsMethod::Asymptotic);
    if (!exact) ++asymptotic;
    // The reference side does not matter for a two-sided test.
    const KsResult swapped = ksTwoSample(b, a);
    EXPECT_NEAR(swapped.statistic, ks.statistic, kStatTol);
    EXPECT_NEAR(swapped.pValue, ks.pValue, 1e-12);
  }
  EXPECT_GE(asymptotic, 5);
}

TEST(DriftReference, WassersteinMatchesScipy) {
  for (const auto& c : reference().at("two_sample")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const std::vector<double> a = generate(c.at("a"));
    const std::vector<double> b = generate(c.at("b"));
    EXPECT_NEAR(wasserstein1(a, b), c.at("wasserstein").get<double>(), 1e-9);
    EXPECT_NEAR(wasserstein1(b, a), c.at("wasserstein").get<double>(), 1e-9);
  }
}

TEST(DriftReference, PsiMatchesNumpyFormula) {
  for (const auto& c : reference().at("two_sample")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    std::vector<double> b = generate(c.at("b"));
    std::sort(b.begin(), b.end());
    const PsiBinning bins(SortedSample(generate(c.at("a"))), 10);
    EXPECT_NEAR(bins.psi(b), c.at("psi").get<double>(), 1e-9);
  }
}

TEST(DriftReference, KolmogorovOneSampleMatchesScipyKstwo) {
  for (const auto& c : reference().at("kstwo_sf")) {
    const int64_t n = c.at("n");
    const double x = c.at("x");
    const double sf = c.at("sf");
    EXPECT_NEAR(ksOneSampleSf(n, x), sf, 1e-9 + 1e-9 * sf) << "n=" << n << " x=" << x;
  }
}

TEST(DriftReference, SmirnovMatchesScipy) {
  for (const auto& c : reference().at("smirnov")) {
    const int64_t n = c.at("n");
    const double x = c.at("x");
    const double sf = c.at("sf");
    EXPECT_NEAR(smirnovSf(n, x), sf, 1e-12 + 1e-10 * sf) << "n=" << n << " x=" << x;
  }
}

TEST(DriftReference, ExactTwoSampleProbabilitiesMatchScipy) {
  for (const auto& c : reference().at("ks_exact")) {
    const int64_t n1 = c.at("n1");
    const int64_t n2 = c.at("n2");
    const int64_t h = c.at("h");
    const double p = ksExactTwoSampleSf(n1, n2, h);
    SCOPED_TRACE("n1=" + std::to_string(n1) + " n2=" + std::to_string(n2) +
                 " h=" + std::to_string(h));
    if (c.at("ok").get<bool>()) {
      EXPECT_NEAR(p, c.at("p").get<double>(), 1e-12);
    } else {
      EXPECT_TRUE(std::isnan(p));  // SciPy falls back to kstwo; so does ksPValue
    }
  }
}

TEST(DriftReference, ChiSquareMatchesScipyContingency) {
  for (const auto& c : reference().at("chi_square")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    auto r = chiSquareHomogeneity(c.at("reference").get<std::vector<int64_t>>(),
                                  c.at("live").get<std::vector<int64_t>>());
    ASSERT_TRUE(r.ok()) << r.error().toString();
    EXPECT_NEAR(r->statistic, c.at("statistic").get<double>(), 1e-9);
    EXPECT_NEAR(r->pValue, c.at("p").get<double>(), 1e-9);
    EXPECT_EQ(r->dof, c.at("dof").get<int>());
  }
  EXPECT_FALSE(chiSquareHomogeneity({1, 2}, {1, 2, 3}).ok());
  EXPECT_FALSE(chiSquareHomogeneity({5, 0}, {3, 0}).ok());  // one category left
  EXPECT_FALSE(chiSquareHomogeneity({0, 0}, {3, 4}).ok());  // empty reference
}

TEST(DriftReference, IncompleteGammaMatchesScipy) {
  for (const auto& c : reference().at("gamma")) {
    const double a = c.at("a");
    const double x = c.at("x");
    SCOPED_TRACE("a=" + std::to_string(a) + " x=" + std::to_string(x));
    const double q = c.at("q");
    const double p = c.at("p");
    EXPECT_NEAR(regularizedGammaQ(a, x), q, 1e-13 + 1e-10 * q);
    EXPECT_NEAR(regularizedGammaP(a, x), p, 1e-13 + 1e-10 * p);
  }
}

TEST(DriftReference, ChiSquareQuantileMatchesScipy) {
  for (const auto& c : reference().at("chi2_isf")) {
    const double p = c.at("p");
    const double k = c.at("k");
    EXPECT_NEAR(chiSquareIsf(p, k), c.at("x").get<double>(), 1e-9 * c.at("x").get<double>())
        << "p=" << p << " k=" << k;
  }
}

TEST(DriftReference, MmdMatchesNumpy) {
  for (const auto& c : reference().at("mmd")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    MmdOptions options;
    options.permutations = 0;
    auto r = mmdTest(generate(c.at("x")), c.at("nx"), generate(c.at("y")), c.at("ny"), c.at("dims"),
                     options);
    ASSERT_TRUE(r.ok()) << r.error().toString();
    EXPECT_NEAR(r->bandwidth, c.at("bandwidth").get<double>(), 1e-9);
    EXPECT_NEAR(r->mmd2, c.at("mmd2").get<double>(), 1e-9);
  }
}

TEST(DriftReference, BenjaminiHochbergMatchesHandComputation) {
  for (const auto& c : reference().at("bh")) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const FdrResult r = benjaminiHochberg(c.at("p").get<std::vector<double>>(), c.at("alpha"));
    const auto adjusted = c.at("adjusted").get<std::vector<double>>();
    const auto rejected = c.at("rejected").get<std::vector<bool>>();
    ASSERT_EQ(r.adjusted.size(), adjusted.size());
    for (size_t i = 0; i < adjusted.size(); ++i) {
      EXPECT_NEAR(r.adjusted[i], adjusted[i], 1e-15) << i;
      EXPECT_EQ(r.rejected[i], rejected[i]) << i;
    }
  }
}

// Worked by hand: m = 5, alpha = 0.05, thresholds k * 0.01. Sorted p: 0.001 (<= 0.01),
// 0.012 (<= 0.02), 0.035 (> 0.03), 0.039 (<= 0.04: the largest such rank, so ranks 1..4 are
// rejected although rank 3 misses its own threshold), 0.6.
TEST(DriftReference, BenjaminiHochbergStepUp) {
  const FdrResult r = benjaminiHochberg({0.6, 0.035, 0.001, 0.039, 0.012}, 0.05);
  EXPECT_EQ(r.rejected, (std::vector<bool>{false, true, true, true, true}));
  // q = min over later ranks of m p / rank: 0.039 * 5/4 = 0.04875 for ranks 3 and 4.
  EXPECT_NEAR(r.adjusted[1], 0.04875, 1e-15);
  EXPECT_NEAR(r.adjusted[3], 0.04875, 1e-15);
  EXPECT_NEAR(r.adjusted[2], 0.005, 1e-15);
  EXPECT_NEAR(r.adjusted[4], 0.03, 1e-15);
  EXPECT_NEAR(r.adjusted[0], 0.6, 1e-15);
}

}  // namespace
}  // namespace edgewise::audit
