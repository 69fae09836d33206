#pragma once
// Turning a stored sample (training::SampleView) into something to look at (a thumbnail) or
// to feed a feature block's preview (a float window, sample-major).

#include <QColor>
#include <QImage>
#include <QSize>
#include <vector>

#include "core/training/service/data_prep.h"

namespace edgewise::gui {

struct SampleWindow {
  std::vector<float> values;  // samples x channels, sample-major
  int samples = 0;
  int channels = 0;
  double rateHz = 1.0;
};

// The sample as a feature block's input (image pixels 0..255 in BGR order, audio in [-1, 1),
// a tabular row as one channel); samples == 0 when the view holds nothing.
SampleWindow sampleWindow(const training::SampleView& view);

// A thumbnail: the image (scaled, pixels kept sharp) or a small line plot of the values or
// waveform (min/max envelope per pixel column), drawn with `ink` on `paper`.
QImage renderSample(const training::SampleView& view, QSize size, QColor ink = Qt::black,
                    QColor paper = Qt::white);

}  // namespace edgewise::gui
