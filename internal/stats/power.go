package stats

import (
	"fmt"
	"math"
)

// CohenH returns Cohen's h, the effect size between two proportions:
// 2·asin(√p1) − 2·asin(√p2) (Cohen 1988, Statistical Power Analysis for
// the Behavioral Sciences, 2nd ed., ch. 6). The arcsine transform makes
// equal differences in h about equally detectable wherever the
// proportions lie, which a plain difference in accuracy is not: 0.50 vs
// 0.55 is harder to detect than 0.90 vs 0.95. The sign is that of p1 − p2.
//
// It is computed as 2·atan2 of the sine and cosine of the difference of
// the two angles, with the sine's numerator reduced to p1 − p2, so it
// keeps full precision when p1 ≈ p2 and near 0 or 1, where the textbook
// difference of two arcsines cancels or is ill-conditioned. A NaN or a
// proportion outside [0, 1] is an error.
func CohenH(p1, p2 float64) (float64, error) {
	for i, p := range [2]float64{p1, p2} {
		if !(p >= 0 && p <= 1) {
			return 0, fmt.Errorf("stats: CohenH: proportion %d is %v, want one in [0, 1]", i+1, p)
		}
	}
	if p1 == p2 {
		return 0, nil
	}
	// With θi = asin(√pi): sin(θ1−θ2) = √(p1(1−p2)) − √(p2(1−p1)), which
	// is (p1−p2) over the sum of the two roots, and
	// cos(θ1−θ2) = √((1−p1)(1−p2)) + √(p1·p2). The sum is positive unless
	// p1 = p2 ∈ {0, 1}, handled above.
	q1, q2 := 1-p1, 1-p2
	sin := (p1 - p2) / (math.Sqrt(p1*q2) + math.Sqrt(p2*q1))
	cos := math.Sqrt(q1*q2) + math.Sqrt(p1*p2)
	return 2 * math.Atan2(sin, cos), nil
}

// NormalQuantile returns Φ⁻¹(p), the standard normal quantile, for use as
// the z of Wilson and MOVER at levels other than 95% and in sample sizes.
// It is Wichura's algorithm AS 241 (PPND16; Applied Statistics 37:477–484,
// 1988), rational approximations accurate to about 1e-16 relative, on
// min(p, 1−p) so that the upper tail keeps its precision (1−p is exact for
// p ≥ ½). It is not −√2·math.Erfcinv(2p): Go's Erfcinv computes
// Erfinv(1−x), which loses the lower tail, already off by 1e-8 at
// p = 1e-10. A p outside (0, 1), or NaN, is an error.
func NormalQuantile(p float64) (float64, error) {
	if !(p > 0 && p < 1) {
		return 0, fmt.Errorf("stats: NormalQuantile: p = %v, want one in (0, 1)", p)
	}
	q := p - 0.5
	if math.Abs(q) <= 0.425 {
		r := 0.180625 - q*q
		return q * (((((((2509.0809287301226727*r+33430.575583588128105)*r+
			67265.770927008700853)*r+45921.953931549871457)*r+
			13731.693765509461125)*r+1971.5909503065514427)*r+
			133.14166789178437745)*r + 3.3871328727963666080) /
			(((((((5226.4952788528545610*r+28729.085735721942674)*r+
				39307.895800092710610)*r+21213.794301586595867)*r+
				5394.1960214247511077)*r+687.18700749205790830)*r+
				42.313330701600911252)*r + 1), nil
	}
	r := p
	if q > 0 {
		r = 1 - p
	}
	if r < 0x1p-1022 {
		// math.Log on amd64 takes a subnormal for 2^-1022 (golang/go#56600).
		r = math.Sqrt(54*math.Ln2 - math.Log(r*0x1p54))
	} else {
		r = math.Sqrt(-math.Log(r))
	}
	var z float64
	if r <= 5 {
		r -= 1.6
		z = (((((((7.74545014278341407640e-4*r+2.27238449892691845833e-2)*r+
			2.41780725177450611770e-1)*r+1.27045825245236838258)*r+
			3.64784832476320460504)*r+5.76949722146069140550)*r+
			4.63033784615654529590)*r + 1.42343711074968357734) /
			(((((((1.05075007164441684324e-9*r+5.47593808499534494600e-4)*r+
				1.51986665636164571966e-2)*r+1.48103976427480074590e-1)*r+
				6.89767334985100004550e-1)*r+1.67638483018380384940)*r+
				2.05319162663775882187)*r + 1)
	} else {
		r -= 5
		z = (((((((2.01033439929228813265e-7*r+2.71155556874348757815e-5)*r+
			1.24266094738807843860e-3)*r+2.65321895265761230930e-2)*r+
			2.96560571828504891230e-1)*r+1.78482653991729133580)*r+
			5.46378491116411436990)*r + 6.65790464350110377720) /
			(((((((2.04426310338993978564e-15*r+1.42151175831644588870e-7)*r+
				1.84631831751005468180e-5)*r+7.86869131145613259100e-4)*r+
				1.48753612908506148525e-2)*r+1.36929880922735805310e-1)*r+
				5.99832206555887937690e-1)*r + 1)
	}
	if q < 0 {
		return -z, nil
	}
	return z, nil
}

// PairsNeeded returns how many paired items a two-sided McNemar-style test
// at level alpha needs to detect, with the given power, a difference of
// drop between two paired proportions when a share discordant of the
// pairs disagree (ψ = p10 + p01, which is at least the difference). It is
// Connor's normal approximation (R. J. Connor, "Sample size for testing
// differences in proportions for the paired-sample design", Biometrics
// 43:207–211, 1987):
//
//	n = (z_{1−α/2}·√ψ + z_power·√(ψ − δ²))² / δ²,  δ = drop,
//
// rounded up. It is the n at which the observed difference, whose
// standard deviation is √(ψ/n) under the null and √((ψ − δ²)/n) at a
// difference δ, exceeds its critical value with the given power. More
// disagreement needs more pairs, since the same difference is then a
// smaller share of the noise.
//
// Below a power of ½, z_power < 0 and the root can be negative: every n
// then has the power, and the answer is 1. Alpha, power and drop outside
// (0, 1), discordant below drop or above 1, a NaN, or an answer above
// 2^53 pairs (more than McNemar takes) is an error.
func PairsNeeded(drop, discordant, alpha, power float64) (int, error) {
	for _, v := range [...]struct {
		name string
		x    float64
	}{{"alpha", alpha}, {"power", power}, {"drop", drop}} {
		if !(v.x > 0 && v.x < 1) {
			return 0, fmt.Errorf("stats: PairsNeeded: %s = %v, want one in (0, 1)", v.name, v.x)
		}
	}
	if !(discordant >= drop && discordant <= 1) {
		return 0, fmt.Errorf("stats: PairsNeeded: discordant share %v, want one in [drop, 1] = [%v, 1]", discordant, drop)
	}
	// −Φ⁻¹(α/2) rather than Φ⁻¹(1−α/2), which would round a small α away.
	za, _ := NormalQuantile(alpha / 2)
	zb, _ := NormalQuantile(power)
	root := -za*math.Sqrt(discordant) + zb*math.Sqrt(discordant-drop*drop)
	if root <= 0 {
		return 1, nil
	}
	n := math.Ceil(root * root / (drop * drop))
	if !(n <= maxExact) {
		return 0, fmt.Errorf("stats: PairsNeeded: more than 2^53 pairs needed to detect a drop of %v", drop)
	}
	return max(1, int(n)), nil
}
