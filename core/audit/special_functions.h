#pragma once
// Special functions behind the drift tests' p-values: the regularized incomplete gamma
// function and the chi-square distribution built on it. Plain double precision, no
// dependencies; checked against scipy.special / scipy.stats in tests/audit.

namespace edgewise::audit {

// Regularized lower and upper incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x)
// (scipy.special.gammainc / gammaincc), a > 0, x >= 0. NaN outside the domain.
double regularizedGammaP(double a, double x);
double regularizedGammaQ(double a, double x);

// Chi-square with k > 0 degrees of freedom: survival function P(X >= x)
// (scipy.stats.chi2.sf) and its inverse, the x with P(X >= x) = p (scipy.stats.chi2.isf).
double chiSquareSf(double x, double k);
double chiSquareIsf(double p, double k);

}  // namespace edgewise::audit
