#include "core/training/ensemble/two_stage.h"
