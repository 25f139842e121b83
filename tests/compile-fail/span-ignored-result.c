// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: the result of a fallible span helper is dropped.
 * Checker: gcc
 * Expect: ignoring return value of .safe_span_read.
 */
#include <linux/safe/span.h>

int cf_span_ignored_result(u8 *out);
int cf_span_ignored_result(u8 *out)
{
	u8 buf[8] = {};

#if MISUSE
	safe_span_read(SAFE_SPAN_ARRAY(buf), 0, out, 1);
	return 0;
#else
	return safe_span_read(SAFE_SPAN_ARRAY(buf), 0, out, 1);
#endif
}
