#include "core/audit/ks_distribution.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace edgewise::audit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kScaleExponent = 128;  // intermediate results are rescaled by 2^+-128
const double kScaleUp = std::ldexp(1.0, kScaleExponent);
const double kScaleDown = std::ldexp(1.0, -kScaleExponent);

double clip01(double p) {
  return std::clamp(p, 0.0, 1.0);
}

int64_t floorDiv(int64_t a, int64_t b) {  // b > 0
  const int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

int64_t ceilDiv(int64_t a, int64_t b) {  // b > 0
  return -floorDiv(-a, b);
}

// n1 == n2: Pr(D >= h/n) = 2 (A0 - A0 A1 + A0 A1 A2 - ...), each A_k a ratio of binomials,
// evaluated Horner-like from the innermost term to avoid cancellation.
double probOutsideSquare(int64_t n, int64_t h) {
  double p = 0.0;
  for (int64_t k = n / h; k >= 0; --k) {
    double p1 = 1.0;
    for (int64_t j = 0; j < h; ++j) {
      p1 = static_cast<double>(n - k * h - j) * p1 / static_cast<double>(n + k * h + j + 1);
    }
    p = p1 * (1.0 - p);
  }
  return 2 * p;
}

// n1 != n2: the proportion of lattice paths from (0,0) to (m,n) that leave the band
// |x/m - y/n| < h/lcm, column by column over a sliding window, each entry already divided
// by the binomial count so that it stays a probability (Viehmann's 1 - p recursion).
double probOutsideBand(int64_t m, int64_t n, int64_t g, int64_t h) {
  if (m < n) std::swap(m, n);
  const int64_t mg = m / g;
  const int64_t ng = n / g;
  int64_t minj = 0;
  int64_t maxj = std::min(ceilDiv(h, mg), n + 1);
  int64_t curlen = maxj - minj;
  const int64_t lenA = std::min(2 * maxj + 2, n + 1);
  std::vector<double> a(static_cast<size_t>(lenA), 1.0);
  std::fill(a.begin() + minj, a.begin() + maxj, 0.0);
  for (int64_t i = 1; i <= m; ++i) {
    const int64_t lastminj = minj;
    const int64_t lastlen = curlen;
    minj = std::min(std::max(floorDiv(ng * i - h, mg) + 1, int64_t{0}), n);
    maxj = std::min(ceilDiv(ng * i + h, mg), n + 1);
    if (maxj <= minj) return 1.0;
    double val = minj == 0 ? 0.0 : 1.0;
    const double di = static_cast<double>(i);
    for (int64_t jj = 0; jj < maxj - minj; ++jj) {
      const int64_t j = jj + minj;
      val = (a[static_cast<size_t>(jj + minj - lastminj)] * di + val * static_cast<double>(j)) /
            static_cast<double>(i + j);
      a[static_cast<size_t>(jj)] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      const int64_t end = std::min(maxj - minj + (lastlen - curlen), lenA);
      std::fill(a.begin() + (maxj - minj), a.begin() + end, 1.0);
    }
  }
  return a[static_cast<size_t>(maxj - minj - 1)];
}

// log(n! / n^n) by Stirling's series with n log n removed up front.
double logFactorialOverPower(int64_t n) {
  static const double kStirling[] = {-2.955065359477124183e-2,  6.4102564102564102564e-3,
                                     -1.9175269175269175269e-3, 8.4175084175084175084e-4,
                                     -5.952380952380952381e-4,  7.9365079365079365079e-4,
                                     -2.7777777777777777778e-3, 8.3333333333333333333e-2};
  const double rn = 1.0 / static_cast<double>(n);
  const double x = rn / static_cast<double>(n);
  double poly = 0.0;
  for (double c : kStirling) poly = poly * x + c;
  return std::log(static_cast<double>(n)) / 2 - static_cast<double>(n) + std::log(2 * M_PI) / 2 +
         rn * poly;
}

using Matrix = std::vector<double>;  // row-major, dim x dim

Matrix multiply(const Matrix& a, const Matrix& b, size_t dim) {
  Matrix c(dim * dim, 0.0);
  for (size_t i = 0; i < dim; ++i) {
    for (size_t k = 0; k < dim; ++k) {
      const double aik = a[i * dim + k];
      if (aik == 0.0) continue;
      const double* brow = &b[k * dim];
      double* crow = &c[i * dim];
      for (size_t j = 0; j < dim; ++j) crow[j] += aik * brow[j];
    }
  }
  return c;
}

// Pr(D_n <= d) by Durbin's matrix (Marsaglia, Tsang & Wang 2003): the k-th diagonal entry
// of H^n times n!/n^n, with H of size 2k-1 for d = (k - h)/n.
double kolmogorovCdfDurbin(int64_t n, double d) {
  if (d >= 1.0) return 1.0;
  const double nd = static_cast<double>(n) * d;
  if (nd <= 0.5) return 0.0;
  const auto k = static_cast<size_t>(std::ceil(nd));
  const double h = static_cast<double>(k) - nd;
  const size_t m = 2 * k - 1;

  std::vector<double> v(m);
  std::vector<double> w(m);
  double fac = 1.0;
  for (size_t j = 1; j <= m; ++j) {
    v[j - 1] = 1.0 - std::pow(h, static_cast<double>(j));
    w[j - 1] = fac;
    fac /= static_cast<double>(j);
    v[j - 1] *= fac;
  }
  const double tt = std::pow(std::max(2 * h - 1.0, 0.0), static_cast<double>(m)) -
                    2 * std::pow(h, static_cast<double>(m));
  v[m - 1] = (1.0 + tt) * fac;

  Matrix hm(m * m, 0.0);
  for (size_t i = 1; i < m; ++i) {
    for (size_t r = i - 1; r < m; ++r) hm[r * m + i] = w[r - (i - 1)];
  }
  for (size_t r = 0; r < m; ++r) hm[r * m] = v[r];
  for (size_t c = 0; c < m; ++c) hm[(m - 1) * m + c] = v[m - 1 - c];

  Matrix power(m * m, 0.0);
  for (size_t i = 0; i < m; ++i) power[i * m + i] = 1.0;
  int64_t expnt = 0;
  int64_t hExpnt = 0;
  for (int64_t nn = n; nn > 0; nn /= 2) {
    if (nn % 2) {
      power = multiply(power, hm, m);
      expnt += hExpnt;
    }
    hm = multiply(hm, hm, m);
    hExpnt *= 2;
    if (std::fabs(hm[(k - 1) * m + (k - 1)]) > kScaleUp) {
      for (double& x : hm) x /= kScaleUp;
      hExpnt += kScaleExponent;
    }
  }
  long double p = power[(k - 1) * m + (k - 1)];
  for (int64_t i = 1; i <= n; ++i) {
    p = static_cast<long double>(i) * p / static_cast<long double>(n);
    if (std::fabs(p) < kScaleDown) {
      p *= kScaleUp;
      expnt -= kScaleExponent;
    }
  }
  if (expnt != 0) p = std::ldexp(p, static_cast<int>(expnt));
  return clip01(static_cast<double>(p));
}

// The interval of non-zero entries of row i of the Pomeranz recursion.
void pomeranzBounds(int64_t i, int64_t n, int64_t ll, int64_t ceilf, int64_t roundf, int64_t* j1,
                    int64_t* j2) {
  int64_t a = 0;
  int64_t b = 0;
  if (i == 0) {
    a = -ll - ceilf - 1;
    b = ll + ceilf - 1;
  } else {
    const int64_t half = (i + 1) / 2;
    if ((i + 1) % 2 == 0) {  // i odd
      if (half == n + 1) {
        a = n - ll - ceilf - 1;
        b = n + ll + ceilf - 1;
      } else {
        a = half - 1 - ll - roundf - 1;
        b = half + ll - 1 + ceilf - 1;
      }
    } else {
      a = half - 1 - ll - 1;
      b = half + ll + roundf - 1;
    }
  }
  *j1 = std::max(a + 2, int64_t{0});
  *j2 = std::min(b, n);
}

// Pr(D_n <= x) by the Pomeranz (1974) recursion: rows are convolutions of the previous row
// with (almost) Poisson probabilities; two rows kept, rescaled against underflow.
double kolmogorovCdfPomeranz(int64_t n, double x) {
  const double t = static_cast<double>(n) * x;
  const auto ll = static_cast<int64_t>(std::floor(t));
  const double f = t - static_cast<double>(ll);
  const double g = std::min(f, 1.0 - f);
  const int64_t ceilf = f > 0 ? 1 : 0;
  const int64_t roundf = f > 0.5 ? 1 : 0;
  const auto npwrs = static_cast<size_t>(2 * (ll + 1));
  std::vector<double> gpower(npwrs);
  std::vector<double> twogpower(npwrs);
  std::vector<double> onem2gpower(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
  const double dn = static_cast<double>(n);
  const double gOverN = g / dn;
  const double twoGOverN = 2 * g / dn;
  const double oneMinusTwoGOverN = (1 - 2 * g) / dn;
  for (size_t m = 1; m < npwrs; ++m) {
    gpower[m] = gpower[m - 1] * gOverN / static_cast<double>(m);
    twogpower[m] = twogpower[m - 1] * twoGOverN / static_cast<double>(m);
    onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / static_cast<double>(m);
  }

  std::vector<double> v0(npwrs, 0.0);
  std::vector<double> v1(npwrs, 0.0);
  v1[0] = 1.0;
  int64_t v0s = 0;
  int64_t v1s = 0;
  int64_t expnt = 0;
  int64_t j1 = 0;
  int64_t j2 = 0;
  pomeranzBounds(0, n, ll, ceilf, roundf, &j1, &j2);
  const auto at = [](const std::vector<double>& v, int64_t i) {
    return i >= 0 && static_cast<size_t>(i) < v.size() ? v[static_cast<size_t>(i)] : 0.0;
  };
  for (int64_t i = 1; i < 2 * n + 2; ++i) {
    const int64_t k1 = j1;
    std::swap(v0, v1);
    std::swap(v0s, v1s);
    std::fill(v1.begin(), v1.end(), 0.0);
    pomeranzBounds(i, n, ll, ceilf, roundf, &j1, &j2);
    const std::vector<double>& pwrs =
        (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 ? twogpower : onem2gpower);
    const int64_t ln2 = j2 - k1 + 1;
    if (ln2 <= 0) continue;
    const int64_t start = k1 - v0s;  // the slice v0[start, start + ln2)
    const int64_t convStart = j1 - k1;
    const int64_t convLen = j2 - j1 + 1;
    double maxV = 0.0;
    for (int64_t c = 0; c < convLen; ++c) {
      const int64_t idx = convStart + c;  // entry of the full convolution
      double sum = 0.0;
      for (int64_t a = std::max<int64_t>(0, idx - ln2 + 1); a <= std::min(idx, ln2 - 1); ++a) {
        sum += at(v0, start + a) * at(pwrs, idx - a);
      }
      v1[static_cast<size_t>(c)] = sum;
      maxV = std::max(maxV, sum);
    }
    if (maxV > 0 && maxV < kScaleDown) {
      for (double& x : v1) x *= kScaleUp;
      expnt -= kScaleExponent;
    }
    v1s = v0s + j1 - k1;
  }
  double ans = at(v1, n - v1s);
  for (int64_t m = 1; m <= n; ++m) {
    if (std::fabs(ans) > kScaleUp) {
      ans *= kScaleDown;
      expnt += kScaleExponent;
    }
    ans *= static_cast<double>(m);
  }
  if (expnt != 0) ans = std::ldexp(ans, static_cast<int>(expnt));
  return clip01(ans);
}

// Pelz-Good (1976): the Li-Chien/Korolyuk expansion in 1/sqrt(n), transformed with the
// Jacobi theta identity into series that converge for small z = x sqrt(n).
double kolmogorovCdfPelzGood(int64_t n, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double pi2 = M_PI * M_PI;
  const double pi4 = pi2 * pi2;
  const double pi6 = pi4 * pi2;
  const double sqrt2pi = std::sqrt(2 * M_PI);
  const double z = std::sqrt(static_cast<double>(n)) * x;
  const double z2 = z * z;
  const double z3 = z2 * z;
  const double z4 = z2 * z2;
  const double z6 = z4 * z2;

  const double qlog = -pi2 / 8 / z2;
  if (qlog < -708) return 0.0;
  double q = std::exp(qlog);

  const double k1a = -z2;
  const double k1b = pi2 / 4;
  const double k2a = 6 * z6 + 2 * z4;
  const double k2b = (2 * z4 - 5 * z2) * pi2 / 4;
  const double k2c = pi4 * (1 - 2 * z2) / 16;
  const double k3d = pi6 * (5 - 30 * z2) / 64;
  const double k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const double k3b = pi2 * (135 * z4 - 96 * z6) / 4;
  const double k3a = -30 * z6 - 90 * std::pow(z, 8);

  double k[4] = {0, 0, 0, 0};
  const auto maxk = static_cast<int64_t>(std::ceil(16 * z / M_PI));
  for (int64_t kk = maxk; kk > 0; --kk) {
    const double m = static_cast<double>(2 * kk - 1);
    const double m2 = m * m;
    const double m4 = m2 * m2;
    const double m6 = m4 * m2;
    const double qpower = std::pow(q, static_cast<double>(8 * kk));
    const double coeffs[4] = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                              k3a + k3b * m2 + k3c * m4 + k3d * m6};
    for (int i = 0; i < 4; ++i) k[i] = k[i] * qpower + coeffs[i];
  }
  const double div[4] = {z, 6 * z4, 72 * std::pow(z, 7), 6480 * std::pow(z, 10)};
  for (int i = 0; i < 4; ++i) k[i] = k[i] * q * sqrt2pi / div[i];

  q = std::exp(-pi2 / 2 / z2);
  const double sqrt3z = std::sqrt(3.0) * z;
  double k2extra = 0.0;
  double k3extra = 0.0;
  for (int64_t kk = maxk; kk > 0; --kk) {
    const double ks2 = static_cast<double>(kk * kk);
    const double qp = std::pow(q, ks2);
    const double kspi = M_PI * static_cast<double>(kk);
    k2extra += ks2 * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
  }
  k[2] += k2extra * pi2 * sqrt2pi / (-36 * z3);
  k[3] += k3extra * pi2 * sqrt2pi / (216 * z6);
  double sum = 0.0;
  for (int i = 0; i < 4; ++i) sum += k[i] / std::pow(static_cast<double>(n), i / 2.0);
  return sum;
}

}  // namespace

double ksExactTwoSampleSf(int64_t n1, int64_t n2, int64_t h) {
  if (h <= 0) return 1.0;
  const int64_t g = std::gcd(n1, n2);
  const double p = n1 == n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
  if (!std::isfinite(p) || p < 0 || p > 1) return kNaN;
  return p;
}

double smirnovSf(int64_t n, double x) {
  if (!(n > 0 && x >= 0.0 && x <= 1.0)) return kNaN;
  if (n == 1) return 1 - x;
  if (x == 0.0) return 1.0;
  if (x == 1.0) return 0.0;
  const long double nx = static_cast<long double>(n) * x;
  const auto nxfl = static_cast<int64_t>(std::floor(nx));
  const long double alpha = nx - static_cast<long double>(nxfl);
  if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {  // x <= 1/n
    const double cdf = x * std::pow(1 + x, static_cast<double>(n - 1));
    return clip01(1 - cdf);
  }
  if (-2.0 * static_cast<double>(n) * x * x < -7.08396418532264106224E2) return 0.0;
  if (nxfl >= n - 1) return clip01(std::pow(1 - x, static_cast<double>(n)));
  if (n > 1000000) {  // SciPy's approximation for huge n
    const double dn = static_cast<double>(n);
    const double logp = -std::pow(6.0 * dn * x + 1, 2) / 18.0 / dn;
    return clip01(logp < -M_LN2 ? std::exp(logp) : 1 + std::expm1(logp));
  }
  // Birnbaum-Tingey: P(D+ >= x) = x sum_{v=0}^{floor(n(1-x))} C(n,v) (x+v/n)^(v-1)
  // (1-x-v/n)^(n-v); all terms positive, summed in long double from their logarithms.
  int64_t last = n - nxfl - (alpha == 0 ? 0 : 1);
  if (alpha == 0) last -= 1;
  const long double ln = static_cast<long double>(n);
  long double logBinomial = 0.0L;  // log C(n, v)
  long double sum = 0.0L;
  for (int64_t v = 0; v <= last; ++v) {
    const long double lv = static_cast<long double>(v);
    const long double evn = static_cast<long double>(x) + lv / ln;
    const long double omevn = (ln - lv) / ln - static_cast<long double>(x);
    if (omevn > 0) {
      const long double logTerm =
          logBinomial + (lv - 1) * std::log(evn) + (ln - lv) * std::log(omevn);
      const long double term = std::exp(logTerm);
      sum += term;
      if (v > 0 && v != last &&
          4.0L * static_cast<long double>(last + 1 - v) * term < DBL_EPSILON * sum) {
        break;
      }
    }
    logBinomial += std::log((ln - lv) / (lv + 1));
  }
  return clip01(static_cast<double>(static_cast<long double>(x) * sum));
}

double ksOneSampleSf(int64_t n, double x) {
  if (n <= 0 || std::isnan(x)) return kNaN;
  if (x >= 1.0) return 0.0;
  if (x <= 0.0) return 1.0;
  const double dn = static_cast<double>(n);
  const double t = dn * x;
  if (t <= 1.0) {  // Ruben-Gambino: 1/2n <= x <= 1/n
    if (t <= 0.5) return 1.0;
    double prob = 1.0;
    if (n <= 140) {
      for (int64_t i = 1; i <= n; ++i) prob *= static_cast<double>(i) * (1.0 / dn) * (2 * t - 1);
    } else {
      prob = std::exp(logFactorialOverPower(n) + dn * std::log(2 * t - 1));
    }
    return clip01(1.0 - prob);
  }
  if (t >= dn - 1) return clip01(2 * std::pow(1.0 - x, dn));  // Ruben-Gambino
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x));           // exact: the tails are disjoint
  const double nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip01(1.0 - kolmogorovCdfDurbin(n, x));
    if (nxSquared <= 4) return clip01(1.0 - kolmogorovCdfPomeranz(n, x));
    return clip01(2 * smirnovSf(n, x));  // Miller's approximation
  }
  if (nxSquared >= 370.0) return 0.0;
  if (nxSquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  double cdf = 0.0;
  if (n <= 100000 && dn * std::pow(x, 1.5) <= 1.4) {
    cdf = kolmogorovCdfDurbin(n, x);
  } else {
    cdf = kolmogorovCdfPelzGood(n, x);
  }
  return clip01(1.0 - clip01(cdf));
}

}  // namespace edgewise::audit
