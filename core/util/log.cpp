#include "core/util/log.h"

Q_LOGGING_CATEGORY(lcStore, "edgewise.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCapture, "edgewise.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDecode, "edgewise.decode", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "edgewise.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "edgewise.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "edgewise.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBench, "edgewise.bench", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTraining, "edgewise.training", QtInfoMsg)
