// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a revocable published with an object of another type.
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
 */
#include <linux/safe/revocable.h>

struct cf_hw {
	int regs;
};

struct cf_dev {
	SAFE_REVOCABLE(hw, struct cf_hw);
};

int cf_revocable_wrong_type(struct cf_dev *d, struct cf_hw *hw, long *other);
int cf_revocable_wrong_type(struct cf_dev *d, struct cf_hw *hw, long *other)
{
#if MISUSE
	return safe_revocable_init(&d->hw, other);
#else
	return safe_revocable_init(&d->hw, hw) + (other ? 0 : 1);
#endif
}
