// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an array whose size overflows, with a count known at compile time.
 * Checker: gcc
 * Expect: negative width in bit-field
 */
#include <linux/safe/alloc.h>

u64 *cf_alloc_const_overflow(void);
u64 *cf_alloc_const_overflow(void)
{
#if MISUSE
	return safe_new_array(u64, SIZE_MAX / 4, GFP_KERNEL);
#else
	return safe_new_array(u64, SIZE_MAX / 8, GFP_KERNEL);
#endif
}
