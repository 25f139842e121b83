// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a span "of an array" made from a pointer, whose sizeof is that of
 * the pointer, not of the memory.
 * Checker: gcc
 * Expect: negative width in bit-field|must be array
 */
#include <linux/safe/span.h>

size_t cf_span_array_from_pointer(u8 *p);
size_t cf_span_array_from_pointer(u8 *p)
{
	u8 buf[8];

#if MISUSE
	return safe_span_len(SAFE_SPAN_ARRAY(p));
#else
	return safe_span_len(SAFE_SPAN_ARRAY(buf)) + (p ? 0 : 1);
#endif
}
