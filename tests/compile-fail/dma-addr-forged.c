// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a descriptor's bus address written from an integer the driver
 * computed, instead of one the class mapped. (The same made in an
 * initializer, "(struct safe_dma_addr64){ .v = ... }", is not seen by
 * sparse: make check's raw-API rule counts it as an escape hatch.)
 * Checker: sparse
 * Expect: dereference of noderef expression
 */
#include <linux/safe/dma.h>

struct cf_desc {
	struct safe_dma_addr64 addr;
	__le32 len;
};

void cf_dma_addr_forged(struct cf_desc *d, const struct cf_desc *mapped,
			u64 bus);
void cf_dma_addr_forged(struct cf_desc *d, const struct cf_desc *mapped,
			u64 bus)
{
#if MISUSE
	d->addr.v = cpu_to_le64(bus);
#else
	d->addr = mapped->addr;
#endif
}
