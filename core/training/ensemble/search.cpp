#include "core/training/ensemble/search.h"
