// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a network operation writes the private state outside a safe
 * lock. xmit runs on every CPU at once, and open, stop and change_mtu run
 * alongside it: they receive the state const, and each write below does
 * not build. The twin keeps what they change in a SAFE_SPINLOCK_BH() (xmit
 * runs with softirqs disabled, often in softirq context) and an atomic
 * counter.
 * Checker: gcc
 * Misuses: 4
 * Expect: assignment of member .* in read-only object|increment of member .* in read-only object
 */
#include <linux/module.h>
#include <linux/safe/atomic.h>
#include <linux/safe/lock.h>
#include <linux/safe/netdev.h>

struct cf_priv {
	unsigned long sent;
	unsigned int mtu;
	bool up;
	struct safe_atomic64 packets;
	SAFE_SPINLOCK_BH(state, bool);
};

DECLARE_SAFE_NETDEV(cf, struct cf_priv);

static int cf_init(struct cf_priv *priv, struct safe_netdev *nd)
{
	priv->mtu = 1500;	/* not registered yet: allowed */
	safe_spin_lock_init(&priv->state);
	return 0;
}

static int cf_open(const struct cf_priv *priv)
{
#if MISUSE == 1
	priv->up = true;
#else
	scoped_safe_lock(&priv->state, up)
		*up = true;
#endif
	return 0;
}

static int cf_stop(const struct cf_priv *priv)
{
#if MISUSE == 2
	priv->up = false;
#else
	scoped_safe_lock(&priv->state, up)
		*up = false;
#endif
	return 0;
}

static struct safe_tx_done cf_xmit(const struct cf_priv *priv,
				   struct safe_tx *tx, struct safe_pkt *pkt)
{
#if MISUSE == 3
	priv->sent++;
#else
	safe_atomic64_inc(&priv->packets);
#endif
	scoped_safe_lock(&priv->state, up)
		if (*up)
			return safe_tx_loopback(tx, pkt);
	return safe_tx_drop(tx, pkt);
}

static int cf_change_mtu(const struct cf_priv *priv, unsigned int mtu)
{
#if MISUSE == 4
	priv->mtu = mtu;
#endif
	return 0;
}

static const struct cf_netdev_ops cf_ops = {
	.init = cf_init,
	.open = cf_open,
	.stop = cf_stop,
	.xmit = cf_xmit,
	.change_mtu = cf_change_mtu,
};

struct safe_netdev_driver cf_driver = {
	.kind = "cf",
	SAFE_NETDEV_OPS(cf, &cf_ops),
};
