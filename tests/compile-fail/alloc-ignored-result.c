// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an allocation whose result is dropped (a leak, or a missing NULL
 * check).
 * Checker: gcc
 * Expect: ignoring return value|value computed is not used
 */
#include <linux/safe/alloc.h>

void *cf_alloc_ignored_result(void);
void *cf_alloc_ignored_result(void)
{
#if MISUSE
	safe_new(u64, GFP_KERNEL);
	return NULL;
#else
	return safe_new(u64, GFP_KERNEL);
#endif
}
