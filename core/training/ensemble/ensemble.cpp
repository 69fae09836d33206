#include "core/training/ensemble/ensemble.h"
