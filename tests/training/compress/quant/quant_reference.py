#!/usr/bin/env python3
"""Reference quantization parameters from python3-torch (placeholder, filled in below)."""
