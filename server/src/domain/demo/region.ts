/**
 * The demo network's region: Cuyahoga County, Ohio (Cleveland and its inner-ring suburbs). Real ZIP
 * codes with approximate centroids, neighborhood names and real street names with plausible house
 * number ranges. The generator puts sites a few hundred metres from their ZIP's centroid, so the
 * coordinates fall inside the ZIP and distance-based matching behaves as it would with real data.
 * Phone numbers use the 555-0100 to 555-0199 lines, which are reserved for fiction.
 */

export interface RegionStreet {
  name: string;
  /** Plausible house numbers on this street inside the ZIP (inclusive). */
  from: number;
  to: number;
}

export interface RegionZip {
  zip: string;
  city: string;
  neighborhood: string;
  latitude: number;
  longitude: number;
  areaCode: '216' | '440';
  streets: readonly RegionStreet[];
}

export const DEMO_REGION = {
  name: 'Greater Cleveland',
  county: 'Cuyahoga County',
  state: 'OH',
  timezone: 'America/New_York',
  /** A box around the county's populated area; every generated coordinate falls inside it. */
  bounds: { south: 41.3, north: 41.65, west: -81.97, east: -81.39 },
  /** How far (degrees) a site may lie from its ZIP centroid. */
  jitter: { latitude: 0.006, longitude: 0.008 },
} as const;

const street = (name: string, from: number, to: number): RegionStreet => ({ name, from, to });

export const REGION_ZIPS: readonly RegionZip[] = [
  {
    zip: '44102',
    city: 'Cleveland',
    neighborhood: 'Detroit-Shoreway',
    latitude: 41.4736,
    longitude: -81.7398,
    areaCode: '216',
    streets: [
      street('Lorain Avenue', 5000, 7900),
      street('Detroit Avenue', 5200, 7800),
      street('Madison Avenue', 6000, 7900),
      street('West 65th Street', 1300, 3900),
      street('Fulton Road', 1800, 3400),
    ],
  },
  {
    zip: '44103',
    city: 'Cleveland',
    neighborhood: 'St. Clair-Superior',
    latitude: 41.5175,
    longitude: -81.642,
    areaCode: '216',
    streets: [
      street('Superior Avenue', 5500, 7900),
      street('St. Clair Avenue', 5500, 7400),
      street('Hough Avenue', 6000, 8900),
      street('East 55th Street', 1200, 2100),
    ],
  },
  {
    zip: '44104',
    city: 'Cleveland',
    neighborhood: 'Kinsman',
    latitude: 41.4808,
    longitude: -81.6244,
    areaCode: '216',
    streets: [
      street('Kinsman Road', 6000, 9500),
      street('Woodland Avenue', 5500, 9400),
      street('Quincy Avenue', 6000, 9500),
      street('East 79th Street', 2200, 3900),
    ],
  },
  {
    zip: '44105',
    city: 'Cleveland',
    neighborhood: 'Slavic Village',
    latitude: 41.4512,
    longitude: -81.63,
    areaCode: '216',
    streets: [
      street('Fleet Avenue', 3200, 6800),
      street('Broadway Avenue', 5400, 7600),
      street('East 65th Street', 4000, 5800),
      street('Union Avenue', 7000, 9500),
    ],
  },
  {
    zip: '44106',
    city: 'Cleveland',
    neighborhood: 'University Circle',
    latitude: 41.5066,
    longitude: -81.6045,
    areaCode: '216',
    streets: [
      street('Euclid Avenue', 10000, 12400),
      street('Cedar Avenue', 10000, 11400),
      street('Chester Avenue', 9000, 10600),
      street('Mayfield Road', 12000, 12700),
    ],
  },
  {
    zip: '44108',
    city: 'Cleveland',
    neighborhood: 'Glenville',
    latitude: 41.5402,
    longitude: -81.6069,
    areaCode: '216',
    streets: [
      street('St. Clair Avenue', 10200, 12500),
      street('Superior Avenue', 9800, 12000),
      street('East 105th Street', 700, 1400),
    ],
  },
  {
    zip: '44109',
    city: 'Cleveland',
    neighborhood: 'Old Brooklyn',
    latitude: 41.4453,
    longitude: -81.7026,
    areaCode: '216',
    streets: [
      street('Pearl Road', 3200, 5200),
      street('Broadview Road', 3000, 5000),
      street('Denison Avenue', 3000, 4400),
      street('West 25th Street', 3400, 4800),
      street('Memphis Avenue', 2000, 4000),
    ],
  },
  {
    zip: '44110',
    city: 'Cleveland',
    neighborhood: 'Collinwood',
    latitude: 41.5652,
    longitude: -81.5693,
    areaCode: '216',
    streets: [
      street('East 152nd Street', 600, 1800),
      street('St. Clair Avenue', 14000, 16500),
      street('Lakeshore Boulevard', 14000, 16500),
      street('Waterloo Road', 15000, 16500),
    ],
  },
  {
    zip: '44111',
    city: 'Cleveland',
    neighborhood: 'West Park',
    latitude: 41.4574,
    longitude: -81.7883,
    areaCode: '216',
    streets: [
      street('Lorain Avenue', 11000, 14900),
      street('Warren Road', 3000, 4200),
      street('West 130th Street', 3000, 4600),
      street('Rocky River Drive', 3300, 4600),
    ],
  },
  {
    zip: '44113',
    city: 'Cleveland',
    neighborhood: 'Ohio City',
    latitude: 41.4825,
    longitude: -81.6937,
    areaCode: '216',
    streets: [
      street('West 25th Street', 1800, 2900),
      street('Lorain Avenue', 2000, 4500),
      street('Bridge Avenue', 2500, 4500),
      street('Franklin Boulevard', 2800, 4500),
      street('Professor Avenue', 2200, 2600),
      street('Detroit Avenue', 1800, 4000),
    ],
  },
  {
    zip: '44114',
    city: 'Cleveland',
    neighborhood: 'Downtown',
    latitude: 41.515,
    longitude: -81.6746,
    areaCode: '216',
    streets: [
      street('Superior Avenue', 1000, 3000),
      street('St. Clair Avenue', 1000, 3900),
      street('Lakeside Avenue', 1000, 2400),
      street('Payne Avenue', 1800, 3800),
    ],
  },
  {
    zip: '44115',
    city: 'Cleveland',
    neighborhood: 'Campus District',
    latitude: 41.4935,
    longitude: -81.6709,
    areaCode: '216',
    streets: [
      street('Euclid Avenue', 2000, 4500),
      street('Prospect Avenue', 2000, 4500),
      street('Carnegie Avenue', 2000, 4500),
      street('Chester Avenue', 2000, 3800),
    ],
  },
  {
    zip: '44120',
    city: 'Cleveland',
    neighborhood: 'Buckeye-Shaker',
    latitude: 41.472,
    longitude: -81.5787,
    areaCode: '216',
    streets: [
      street('Buckeye Road', 11400, 13500),
      street('Shaker Boulevard', 11500, 13000),
      street('Larchmere Boulevard', 12000, 13100),
      street('East 116th Street', 2800, 3600),
    ],
  },
  {
    zip: '44107',
    city: 'Lakewood',
    neighborhood: 'Lakewood',
    latitude: 41.4842,
    longitude: -81.8003,
    areaCode: '216',
    streets: [
      street('Detroit Avenue', 11700, 18000),
      street('Madison Avenue', 11700, 17600),
      street('Clifton Boulevard', 11700, 18000),
      street('Warren Road', 1200, 2200),
    ],
  },
  {
    zip: '44112',
    city: 'East Cleveland',
    neighborhood: 'East Cleveland',
    latitude: 41.535,
    longitude: -81.576,
    areaCode: '216',
    streets: [
      street('Euclid Avenue', 13000, 15800),
      street('Hayden Avenue', 13000, 15500),
      street('Superior Avenue', 13000, 15500),
    ],
  },
  {
    zip: '44117',
    city: 'Euclid',
    neighborhood: 'Euclid',
    latitude: 41.5707,
    longitude: -81.526,
    areaCode: '216',
    streets: [
      street('Euclid Avenue', 21000, 23900),
      street('East 222nd Street', 400, 1500),
      street('Chardon Road', 21000, 24000),
    ],
  },
  {
    zip: '44118',
    city: 'Cleveland Heights',
    neighborhood: 'Cleveland Heights',
    latitude: 41.5015,
    longitude: -81.557,
    areaCode: '216',
    streets: [
      street('Lee Road', 1900, 3400),
      street('Mayfield Road', 13200, 14900),
      street('Cedar Road', 12000, 14500),
      street('Coventry Road', 1700, 3000),
      street('Taylor Road', 1700, 3500),
    ],
  },
  {
    zip: '44125',
    city: 'Garfield Heights',
    neighborhood: 'Garfield Heights',
    latitude: 41.422,
    longitude: -81.61,
    areaCode: '216',
    streets: [
      street('Turney Road', 4900, 5900),
      street('Granger Road', 4800, 5600),
      street('Transportation Boulevard', 9000, 10200),
    ],
  },
  {
    zip: '44128',
    city: 'Cleveland',
    neighborhood: 'Lee-Harvard',
    latitude: 41.4395,
    longitude: -81.541,
    areaCode: '216',
    streets: [
      street('Lee Road', 3800, 4700),
      street('Miles Avenue', 15000, 18500),
      street('Harvard Avenue', 15500, 18500),
    ],
  },
  {
    zip: '44134',
    city: 'Parma',
    neighborhood: 'Parma',
    latitude: 41.385,
    longitude: -81.704,
    areaCode: '440',
    streets: [
      street('Ridge Road', 5200, 7500),
      street('State Road', 5000, 7500),
      street('Snow Road', 2000, 7000),
      street('Pleasant Valley Road', 2000, 6500),
    ],
  },
  {
    zip: '44135',
    city: 'Cleveland',
    neighborhood: 'Puritas-Longmead',
    latitude: 41.433,
    longitude: -81.807,
    areaCode: '216',
    streets: [
      street('Puritas Avenue', 12000, 15900),
      street('West 150th Street', 3800, 5000),
      street('Lorain Avenue', 15000, 17900),
    ],
  },
  {
    zip: '44144',
    city: 'Brooklyn',
    neighborhood: 'Brooklyn',
    latitude: 41.438,
    longitude: -81.737,
    areaCode: '216',
    streets: [
      street('Ridge Road', 4000, 5000),
      street('Memphis Avenue', 5000, 7000),
      street('Biddulph Road', 4000, 5500),
      street('Tiedeman Road', 9000, 10500),
    ],
  },
  {
    zip: '44127',
    city: 'Cleveland',
    neighborhood: 'North Broadway',
    latitude: 41.472,
    longitude: -81.65,
    areaCode: '216',
    streets: [
      street('Broadway Avenue', 3500, 5500),
      street('East 55th Street', 2900, 4000),
      street('Woodland Avenue', 4000, 5500),
    ],
  },
];

/** The ZIP entry for a code; throws for a ZIP outside the region (a bug in the templates). */
export function regionZip(zip: string): RegionZip {
  const found = REGION_ZIPS.find((z) => z.zip === zip);
  if (!found) throw new Error(`ZIP ${zip} is not in the demo region`);
  return found;
}

/** Fictional phone lines: 555-0100 to 555-0199 (reserved for fiction in the North American plan). */
export const FICTIONAL_LINES: readonly string[] = Array.from(
  { length: 100 },
  (_, i) => `01${String(i).padStart(2, '0')}`,
);
