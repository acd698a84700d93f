import type { GeoPoint } from './geo-point.js';

/**
 * Distance along the WGS-84 ellipsoid, as the original's geopy `geodesic` gave it (reference
 * §2.7), without rounding (the original showed it rounded to 2 decimals).
 *
 * Vincenty's inverse formula (1975) answers almost every pair, to well under a millimetre. Its
 * iteration on the longitude fails to converge for nearly antipodal points, where the shortest
 * path runs near a pole; for those we use {@link nearlyAntipodalDistance}, which solves for the
 * starting azimuth by bisection (Karney's formulation of the inverse problem, 2013) with
 * Vincenty's series, and so is exact there too (e.g. (0, 0)–(0, 180) is half a meridian).
 *
 * Points must be valid (see `isGeoPoint`); the result for others is meaningless.
 */
export function geodesicDistanceKm(a: GeoPoint, b: GeoPoint): number {
  const metres = vincentyInverse(a, b) ?? nearlyAntipodalDistance(a, b);
  return metres / 1000;
}

const A = 6_378_137; // semi-major axis, metres
const F = 1 / 298.257223563; // flattening
const B = A * (1 - F); // semi-minor axis
const DEG = Math.PI / 180;
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-12;

/** Reduced latitude β (tan β = (1 − f) tan φ) as sin and cos. */
function reduced(latDeg: number): { sin: number; cos: number } {
  const phi = latDeg * DEG;
  const s = (1 - F) * Math.sin(phi);
  const c = Math.cos(phi);
  const h = Math.hypot(s, c);
  return { sin: s / h, cos: c / h };
}

/** The longitude difference in radians, in [−π, π]. */
function longitudeDifference(a: GeoPoint, b: GeoPoint): number {
  let d = (b.lon - a.lon) % 360;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  return d * DEG;
}

/** Vincenty's `s = b·A·(σ − Δσ)`, given cos²α (equatorial azimuth), σ and cos 2σm. */
function seriesDistance(cos2Alpha: number, sigma: number, cos2SigmaM: number): number {
  const uSq = (cos2Alpha * (A * A - B * B)) / (B * B);
  const bigA = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const bigB = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const sinSigma = Math.sin(sigma);
  const cosSigma = Math.cos(sigma);
  const deltaSigma =
    bigB *
    sinSigma *
    (cos2SigmaM +
      (bigB / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
          (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  return B * bigA * (sigma - deltaSigma);
}

/** Vincenty's longitude correction: the auxiliary sphere's λ minus the ellipsoid's L. */
function longitudeCorrection(sinAlpha: number, cos2Alpha: number, sigma: number, cos2SigmaM: number): number {
  const c = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
  return (
    (1 - c) *
    F *
    sinAlpha *
    (sigma + c * Math.sin(sigma) * (cos2SigmaM + c * Math.cos(sigma) * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
  );
}

/** Metres, or null when the iteration does not converge (nearly antipodal points). */
function vincentyInverse(p1: GeoPoint, p2: GeoPoint): number | null {
  const L = longitudeDifference(p1, p2);
  const { sin: sinU1, cos: cosU1 } = reduced(p1.lat);
  const { sin: sinU2, cos: cosU2 } = reduced(p2.lat);
  let lambda = L;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    if (sinSigma === 0) return cosSigma > 0 ? 0 : null; // the same point, or antipodal on the sphere
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    // On the equator cos²α = 0 and the term that uses cos 2σm vanishes anyway.
    const cos2SigmaM = cos2Alpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const previous = lambda;
    lambda = L + longitudeCorrection(sinAlpha, cos2Alpha, sigma, cos2SigmaM);
    if (Math.abs(lambda) > Math.PI) return null; // left the auxiliary sphere: it will not converge
    if (Math.abs(lambda - previous) < TOLERANCE) return seriesDistance(cos2Alpha, sigma, cos2SigmaM);
  }
  return null;
}

/**
 * The inverse problem solved for the azimuth α1 at the first point instead of for λ, which is
 * well behaved where Vincenty's iteration is not. By symmetry we may take 0 ≤ L ≤ π, β1 ≤ 0 and
 * |β2| ≤ |β1|; then the longitude reached along the geodesic leaving point 1 at azimuth α1,
 * at its first northward crossing of latitude β2, grows monotonically from 0 (α1 = 0, due
 * north) to π (α1 = π, due south over the pole), so bisection finds the α1 that reaches L.
 */
function nearlyAntipodalDistance(a: GeoPoint, b: GeoPoint): number {
  const L = Math.abs(longitudeDifference(a, b));
  let [lat1, lat2] = Math.abs(a.lat) >= Math.abs(b.lat) ? [a.lat, b.lat] : [b.lat, a.lat];
  if (lat1 > 0) [lat1, lat2] = [-lat1, -lat2];
  const beta1 = reduced(lat1);
  const beta2 = reduced(lat2);

  const geodesicTo = (alpha1: number) => {
    const sinAlpha1 = Math.sin(alpha1);
    const cosAlpha1 = Math.cos(alpha1);
    const sinAlpha0 = sinAlpha1 * beta1.cos; // Clairaut: sin α0 = sin α1 cos β1
    const cosAlpha0 = Math.hypot(cosAlpha1, sinAlpha1 * beta1.sin);
    // cos α2 cos β2 at the northward crossing of β2, from Clairaut's relation.
    const cosAlpha2CosBeta2 =
      beta2.cos === beta1.cos && Math.abs(beta2.sin) === -beta1.sin
        ? Math.abs(cosAlpha1) * beta1.cos
        : Math.sqrt(
            Math.max(0, (cosAlpha1 * beta1.cos) ** 2 + (beta2.cos - beta1.cos) * (beta2.cos + beta1.cos)),
          );
    // σ (arc from the equator crossing) and ω (its longitude on the sphere), both scaled by cos α0.
    const [sinSigma1, cosSigma1] = [beta1.sin, cosAlpha1 * beta1.cos];
    const [sinSigma2, cosSigma2] = [beta2.sin, cosAlpha2CosBeta2];
    const [sinOmega1, cosOmega1] = [sinAlpha0 * beta1.sin, cosSigma1];
    const [sinOmega2, cosOmega2] = [sinAlpha0 * beta2.sin, cosSigma2];
    const sigma = Math.atan2(
      Math.max(0, cosSigma1 * sinSigma2 - sinSigma1 * cosSigma2),
      cosSigma1 * cosSigma2 + sinSigma1 * sinSigma2,
    );
    const omega = Math.atan2(
      Math.max(0, cosOmega1 * sinOmega2 - sinOmega1 * cosOmega2),
      cosOmega1 * cosOmega2 + sinOmega1 * sinOmega2,
    );
    const cos2Alpha = cosAlpha0 * cosAlpha0;
    // cos(σ1 + σ2) = cos 2σm; zero on the equator, where it does not matter.
    const cos2SigmaM = cos2Alpha > 0 ? (cosSigma1 * cosSigma2 - sinSigma1 * sinSigma2) / cos2Alpha : 0;
    const lambda = omega - longitudeCorrection(sinAlpha0, cos2Alpha, sigma, cos2SigmaM);
    return { lambda, cos2Alpha, sigma, cos2SigmaM };
  };

  let low = 0;
  let high = Math.PI;
  for (let iteration = 0; iteration < 100; iteration++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (geodesicTo(middle).lambda < L) low = middle;
    else high = middle;
  }
  const { cos2Alpha, sigma, cos2SigmaM } = geodesicTo((low + high) / 2);
  return seriesDistance(cos2Alpha, sigma, cos2SigmaM);
}
