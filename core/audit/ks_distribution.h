#pragma once
// Null distributions of the Kolmogorov-Smirnov statistics, written to give the p-values of
// scipy.stats.ks_2samp (SciPy 1.10, method='auto', two-sided):
//  - the exact two-sample distribution (Hodges 1958; for n1 == n2 the closed alternating
//    sum, otherwise the lattice-path recursion computing 1 - p directly, Viehmann 2021),
//  - the one-sample two-sided distribution of D_n (scipy.stats.kstwo), evaluated with the
//    Simard & L'Ecuyer (2011) choice between Durbin's matrix (Marsaglia-Tsang-Wang), the
//    Pomeranz recursion, the Pelz-Good expansion and twice the one-sided Smirnov tail;
//    ks_2samp's asymptotic path is kstwo.sf(d, round(n1 n2 / (n1 + n2))),
//  - the one-sided Smirnov tail P(D_n+ >= x) (scipy.special.smirnov, Birnbaum-Tingey sum).

#include <cstdint>

namespace edgewise::audit {

// P(D_{n1,n2} >= h / lcm(n1, n2)) for the two-sided two-sample statistic, 0 <= h <= lcm.
// Returns NaN when the computation cannot be trusted (the caller falls back to kstwo).
double ksExactTwoSampleSf(int64_t n1, int64_t n2, int64_t h);

// scipy.stats.kstwo.sf(x, n): P(D_n >= x) for the one-sample two-sided statistic.
double ksOneSampleSf(int64_t n, double x);

// scipy.special.smirnov(n, x): P(D_n+ >= x).
double smirnovSf(int64_t n, double x);

}  // namespace edgewise::audit
