// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: the object behind a revocable reached without an access block,
 * so revocation would not wait for this user.
 * Checker: sparse
 * Expect: different address spaces|dereference of noderef expression
 */
#include <linux/safe/revocable.h>

struct cf_hw {
	int regs;
};

struct cf_dev {
	SAFE_REVOCABLE(hw, struct cf_hw);
};

int cf_revocable_direct_access(struct cf_dev *d);
int cf_revocable_direct_access(struct cf_dev *d)
{
#if MISUSE
	struct cf_hw *hw = d->hw.raw.obj;

	return hw->regs;
#else
	scoped_safe_access(&d->hw, hw)
		return hw->regs;
	return -ENODEV;
#endif
}
