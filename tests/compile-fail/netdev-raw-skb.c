// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: reaching into the socket buffer behind a packet handle. A driver
 * that reads skb fields directly can read past the linear head, or change
 * a buffer a clone shares; struct safe_pkt is never defined, so the handle
 * has no fields to reach: bytes come only through the bounded helpers
 * (safe_pkt_read(), safe_pkt_write(), push, pull, put, trim).
 * Checker: gcc
 * Misuses: 2
 * Expect: invalid use of undefined type .struct safe_pkt.|incomplete type .struct safe_pkt.
 */
#include <linux/module.h>
#include <linux/safe/netdev.h>

struct cf_priv {
	int unused;
};

DECLARE_SAFE_NETDEV(cf, struct cf_priv);

static struct safe_tx_done cf_xmit(const struct cf_priv *priv,
				   struct safe_tx *tx, struct safe_pkt *pkt)
{
	u8 proto[2];

#if MISUSE == 1
	if (pkt->len < 14)
		return safe_tx_drop(tx, pkt);
#elif MISUSE == 2
	memcpy(proto, pkt, sizeof(*pkt));
#endif
	if (safe_pkt_read(pkt, 12, SAFE_SPAN_ARRAY(proto)))
		return safe_tx_drop(tx, pkt);
	return safe_tx_loopback(tx, pkt);
}

static const struct cf_netdev_ops cf_ops = { .xmit = cf_xmit };

struct safe_netdev_driver cf_driver = {
	.kind = "cf",
	SAFE_NETDEV_OPS(cf, &cf_ops),
};
