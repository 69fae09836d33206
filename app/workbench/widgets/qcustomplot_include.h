#pragma once
// Include QCustomPlot through this header everywhere in the workbench (shared by all panes):
// qcustomplot.h is written with the Qt keywords (signals, slots, emit, foreach) that the
// project switches off with QT_NO_KEYWORDS; map them for this one header only.

#ifndef signals
#define EW_QCP_UNDEF_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#endif

#include <qcustomplot.h>

#ifdef EW_QCP_UNDEF_KEYWORDS
#undef signals
#undef slots
#undef emit
#undef foreach
#undef EW_QCP_UNDEF_KEYWORDS
#endif
