"""Write data/demo/levant_horn_review_crawl.warc.gz, the demo corpus's WARC input.

Run once; the committed file is the output. Record ids and dates are fixed and
warcio's per-record gzip header carries no timestamp, so a rerun reproduces the
file byte for byte (tests/test_demo_corpus.py checks this).

    python bench/make_demo_warc.py [OUT]
"""
import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WARC_NAME = "levant_horn_review_crawl.warc.gz"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "demo" / WARC_NAME
CRAWL_DATE = "2024-07-08T09:30:00Z"

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Levant &amp; Horn Review</title>
<meta property="og:site_name" content="Levant &amp; Horn Review">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
</head>
<body>
<header><a class="brand" href="/">Levant &amp; Horn Review</a>
<nav><a href="/levant/">Levant</a> <a href="/horn-of-africa/">Horn of Africa</a> <a href="/gulf/">Gulf</a> <a href="/analysis/">Analysis</a> <a href="/about/">About</a></nav>
</header>
<main><article>
<h1>{title}</h1>
<p class="meta">Published <time datetime="{published}">{published_human}</time></p>
{body}
</article></main>
<footer><p>Levant &amp; Horn Review &middot; <a href="/privacy/">Privacy</a> &middot; <a href="/contact/">Contact</a></p>
<p>Newsletter: the week in regional diplomacy, every Friday.</p></footer>
</body>
</html>
"""

PAGES = [
    {
        "url": "https://lhreview.example/levant/2024/07/06/hamas-drops-ceasefire-precondition",
        "title": "Hamas drops demand for upfront ceasefire commitment, opening way to new Gaza talks",
        "published": "2024-07-06T15:45:00Z",
        "published_human": "6 July 2024",
        "paragraphs": [
            "GAZA/DOHA, July 6, 2024 &ndash; Hamas has accepted a US proposal to begin talks on the release of Israeli hostages, including soldiers and men, 16 days after the first phase of a truce starts, dropping its demand that Israel first commit to a permanent ceasefire, a senior Hamas source said on Saturday.",
            "The source, who spoke on condition of anonymity because the talks are confidential, said the group had received assurances from the mediators that negotiations would continue for as long as the first phase lasted. &ldquo;We have given the mediators what they asked for,&rdquo; the source said. &ldquo;If Netanyahu wants to sabotage this, he will have to do it in public.&rdquo;",
            "An official on the Israeli negotiating team said the proposal was the best chance yet for an agreement, while Netanyahu&rsquo;s office said the Mossad chief, David Barnea, had returned from Doha after initial meetings with Qatari mediators and that talks would resume next week.",
            "Netanyahu said in a statement on Sunday that any deal must allow Israel to return to fighting until all the goals of the war were achieved. Hamas said those remarks were aimed at undermining the mediators&rsquo; efforts, and accused him of placing new obstacles in the way of a deal.",
            "Egyptian President Abdel Fattah el-Sisi spoke by phone with US President Joe Biden about the talks, and Egypt said it would host a new round in Cairo. Egyptian officials told state-run media they were hopeful but warned that the Philadelphi corridor and the Rafah crossing had to be settled in any final agreement.",
            "Osama Hamdan, a Hamas official in Beirut, said at a news conference that the movement had shown positive flexibility. He warned that Hamas would walk away if Israel continued its offensive in Gaza City while claiming to negotiate.",
        ],
    },
    {
        "url": "https://lhreview.example/horn-of-africa/2023/05/23/sudan-week-long-truce-violations",
        "title": "Sudan's week-long truce frays on first day as both sides trade blame",
        "published": "2023-05-23T11:20:00Z",
        "published_human": "23 May 2023",
        "paragraphs": [
            "KHARTOUM, May 23, 2023 &ndash; Gunfire and air strikes were reported in parts of Khartoum and Omdurman on Tuesday, the first full day of a seven-day ceasefire agreed by Sudan&rsquo;s army and the Rapid Support Forces (RSF) in talks brokered by Saudi Arabia and the United States in Jeddah.",
            "The truce, which took effect at 9:45 p.m. on Monday, is meant to allow the delivery of humanitarian aid and the repair of essential services. Unlike earlier short pauses, it is backed by a monitoring mechanism that includes representatives of both forces and of the two mediators.",
            "The army accused the RSF of attacking a military base in the capital and said its troops had the right to respond to any violation. The RSF said the army had bombed its positions from the air, and described the army&rsquo;s claims as &ldquo;false and baseless&rdquo;.",
            "&ldquo;We are committed to the truce as long as the other side is committed,&rdquo; an RSF commander in Khartoum told the BBC. &ldquo;But we will not stand by while they bomb our men.&rdquo;",
            "In a joint statement, Saudi Arabia and the United States said they were aware of reported violations and urged both parties to honour their commitments. US Secretary of State Antony Blinken said in a video message released before the truce began that Washington would hold violators accountable through sanctions and other tools.",
            "Aid agencies said they hoped to move supplies from Port Sudan to the capital within days. Millions of people remain trapped in Khartoum with little water or electricity, and fighting in West Darfur has forced tens of thousands across the border into Chad.",
        ],
    },
]


def html_page(page: dict) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in page["paragraphs"])
    return PAGE_TEMPLATE.format(body=body, **page).encode("utf-8")


def record_id(*parts: str) -> str:
    # uuid5 of the URL keeps ids stable across runs (warcio's default is uuid4).
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def write_warc(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        info = b"software: accord bench/make_demo_warc.py\r\nformat: WARC File Format 1.1\r\ndescription: Accord demo crawl, two news pages written for the demo corpus\r\n"
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(info), length=len(info),
            warc_content_type="application/warc-fields",
            # The name is fixed, not out.name, so a copy written elsewhere is identical.
            warc_headers_dict={"WARC-Record-ID": record_id("warcinfo", WARC_NAME),
                               "WARC-Date": CRAWL_DATE, "WARC-Filename": WARC_NAME}))
        for page in PAGES:
            url = page["url"]
            request = f"GET {url.split('lhreview.example', 1)[1]} HTTP/1.1\r\nHost: lhreview.example\r\nUser-Agent: accord-demo/0.1\r\n\r\n".encode()
            writer.write_record(writer.create_warc_record(
                url, "request", payload=BytesIO(request), length=len(request),
                warc_content_type="application/http; msgtype=request",
                warc_headers_dict={"WARC-Record-ID": record_id("request", url), "WARC-Date": CRAWL_DATE}))
            payload = html_page(page)
            http_headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(payload))),
                ("Date", "Mon, 08 Jul 2024 09:30:00 GMT"),
            ], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(payload), length=len(payload), http_headers=http_headers,
                warc_headers_dict={"WARC-Record-ID": record_id("response", url), "WARC-Date": CRAWL_DATE}))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    write_warc(target)
    print(target)
