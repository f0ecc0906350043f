"""Countries and other states that speak in the news as one body ("Russia said", "Egypt says"),
lower-cased, with the short forms newsrooms use. A mention that is exactly one of these is an
organisation, unless the article names a person with that word ("Michael Jordan" ... "Jordan said")."""

from __future__ import annotations

# Sovereign states (UN members and observers) and a few widely recognised others, e.g. "south korea".
COUNTRIES = frozenset(
    """
    afghanistan albania algeria andorra angola antigua argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana
    brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia
    comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia
    eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala
    guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
    japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
    libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
    mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
    nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan
    tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
    vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland wales burma holland
    türkiye
    """.split()
) | frozenset(
    line.strip()
    for line in """
    bosnia and herzegovina
    burkina faso
    cabo verde
    cape verde
    central african republic
    costa rica
    czech republic
    democratic republic of congo
    democratic republic of the congo
    dominican republic
    east timor
    el salvador
    equatorial guinea
    great britain
    guinea-bissau
    hong kong
    ivory coast
    marshall islands
    new zealand
    north korea
    north macedonia
    papua new guinea
    saint lucia
    san marino
    saudi arabia
    sierra leone
    solomon islands
    south africa
    south korea
    south sudan
    sri lanka
    timor-leste
    trinidad and tobago
    united arab emirates
    united kingdom
    united states
    united states of america
    vatican city
    uae
    uk
    u.k.
    us
    u.s.
    usa
    u.s.a.
    """.strip().splitlines()
)
