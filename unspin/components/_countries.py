"""Names of countries, for telling a country from another place (spaCy tags both GPE).

The ISO 3166-1 short and common names (as listed by the iso-codes project), without the
inverted forms ("Korea, Republic of"), plus the names news uses for them ("U.S.", "Britain",
"Russia", "Burma"). "Georgia" is left out: US news means the state far more often.
"""

from __future__ import annotations

__all__ = ["COUNTRY_NAMES", "is_country"]

COUNTRY_NAMES = frozenset(name.lower() for name in (
    "Afghanistan", "Albania", "Algeria", "America", "American Samoa", "Andorra", "Angola",
    "Anguilla", "Antigua and Barbuda", "Argentina", "Armenia", "Aruba", "Australia", "Austria",
    "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
    "Benin", "Bermuda", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Bouvet Island",
    "Brazil", "Britain", "British Indian Ocean Territory", "Brunei", "Brunei Darussalam",
    "Bulgaria", "Burkina Faso", "Burma", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada",
    "Cape Verde", "Cayman Islands", "Central African Republic", "Chad", "Chile", "China",
    "Christmas Island", "Colombia", "Comoros", "Congo", "Cook Islands", "Costa Rica", "Croatia",
    "Cuba", "Curaçao", "Cyprus", "Czech Republic", "Czechia", "Czechoslovakia", "Côte d'Ivoire",
    "Democratic Republic of the Congo", "Denmark", "Democratic Republic of Congo", "DR Congo",
    "Djibouti", "Dominica", "Dominican Republic", "DRC", "East Timor", "Ecuador", "Egypt",
    "El Salvador", "England", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia",
    "Faroe Islands", "Fiji", "Finland", "France", "French Guiana", "French Polynesia",
    "French Southern Territories", "Gabon", "Gambia", "Germany", "Ghana", "Gibraltar",
    "Great Britain", "Greece", "Greenland", "Grenada", "Guadeloupe", "Guam", "Guatemala", "Guinea",
    "Guinea-Bissau", "Guyana", "Haiti", "Heard Island and McDonald Islands", "Holland", "Holy See",
    "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland",
    "Isle of Man", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan",
    "Kenya", "Kiribati", "Korea", "Kosovo", "Kuwait", "Kyrgyzstan",
    "Lao People's Democratic Republic", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya",
    "Liechtenstein", "Lithuania", "Luxembourg", "Macao", "Macedonia", "Madagascar", "Malawi",
    "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Martinique", "Mauritania",
    "Mauritius", "Mayotte", "Mexico", "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro",
    "Montserrat", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands",
    "New Caledonia", "New Zealand", "Nicaragua", "Niger", "Nigeria", "Niue", "Norfolk Island",
    "North Korea", "North Macedonia", "Northern Ireland", "Northern Mariana Islands", "Norway",
    "Oman", "Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Persia",
    "Peru", "Philippines", "Pitcairn", "Poland", "Portugal", "Puerto Rico", "Qatar",
    "Republic of Congo", "Republic of the Congo", "Romania", "Russia", "Russian Federation",
    "Rwanda", "Réunion", "Saint Barthélemy", "Saint Kitts and Nevis", "Saint Lucia",
    "Saint Pierre and Miquelon", "Saint Vincent and the Grenadines", "Samoa", "San Marino",
    "Sao Tome and Principe", "Saudi Arabia", "Scotland", "Senegal", "Serbia", "Seychelles",
    "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia",
    "South Africa", "South Georgia and the South Sandwich Islands", "South Korea", "South Sudan",
    "Soviet Union", "Spain", "Sri Lanka", "Sudan", "Suriname", "Svalbard and Jan Mayen",
    "Swaziland", "Sweden", "Switzerland", "Syria", "Syrian Arab Republic", "Taiwan", "Tajikistan",
    "Tanzania", "Thailand", "Timor-Leste", "Togo", "Tokelau", "Tonga", "Trinidad and Tobago",
    "Tunisia", "Turkey", "Turkmenistan", "Turks and Caicos Islands", "Tuvalu", "Türkiye", "U.A.E.",
    "U.K.", "U.S.", "U.S.A.", "U.S.S.R.", "UAE", "Uganda", "UK", "Ukraine", "United Arab Emirates",
    "United Kingdom", "United States", "United States Minor Outlying Islands",
    "United States of America", "Uruguay", "US", "USA", "USSR", "Uzbekistan", "Vanuatu", "Vatican",
    "Vatican City", "Venezuela", "Viet Nam", "Vietnam", "Wales", "Wallis and Futuna",
    "Western Sahara", "Yemen", "Yugoslavia", "Zambia", "Zimbabwe", "Åland Islands",
))


def is_country(name: str) -> bool:
    """Whether ``name`` (as written, with or without "the") names a country."""
    key = " ".join(name.split()).lower()
    if key.startswith("the "):
        key = key[4:]
    return key in COUNTRY_NAMES
