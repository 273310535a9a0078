#!/usr/bin/env python3
"""The web front's main path in a real browser (headless Chromium through selenium).

    browser-test.py BASE_URL PDF ARTIFACTS PASSWORD

The clerk registers the PDF, the leader directs it, the officer reports progress and
completion, the clerk sees it done. Screenshots of every main page (1366 × 768, the office
screen) go to ARTIFACTS. Prints one JSON line: the document's reference and what each page said.
Accounts: vanthu (văn thư), giamdoc (lãnh đạo), cv.tochuc (chuyên viên, Phòng Tổ chức), quantri.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, pdf, artifacts, password = sys.argv[1:5]
os.makedirs(artifacts, exist_ok=True)

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=vi"):
    options.add_argument(flag)
options.binary_location = next(p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p))
driver = webdriver.Chrome(service=Service(next(p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p))), options=options)
# Upper bounds, not timings: under a full test run the two cores are shared with other suites.
WAIT = 120
driver.set_page_load_timeout(WAIT)
seen = {}


def shot(name):
    print(f"browser-test: at {name} ({driver.current_url})", file=sys.stderr, flush=True)
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def login(name):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.NAME, "username").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    # Waits for the next page, not for a word on this one: every page's style sheet names
    # .problem, so a test of the source passed before the click had been answered.
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "button.go").click()
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
    if "/inbox" not in driver.current_url:
        raise SystemExit(f"login as {name} failed: {driver.current_url}: {text()[:300]}")


def submit(form_action_suffix, fields):
    form = driver.find_element(By.CSS_SELECTOR, f"form[action$='{form_action_suffix}']")
    for name, value in fields.items():
        element = form.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)
    old = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)


try:
    driver.get(base + "/login")
    shot("01-dang-nhap")
    login("vanthu")
    shot("02-hop-thu-van-thu")
    driver.get(base + "/register")
    seen["nextNumber"] = driver.find_element(By.ID, "next-number").text
    shot("03-vao-so")
    driver.find_element(By.NAME, "file").send_keys(os.path.abspath(pdf))
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form[action='/register/upload'] button").click()
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
    seen["notation"] = driver.find_element(By.NAME, "notation").get_attribute("value")
    seen["issuer"] = driver.find_element(By.NAME, "issuer").get_attribute("value")
    shot("04-vao-so-da-doc-tep")
    driver.find_element(By.CSS_SELECTOR, "form[action='/register'] button").click()
    WebDriverWait(driver, WAIT).until(lambda d: "/documents/" in d.current_url)
    reference = driver.current_url.split("/documents/", 1)[1]
    seen["registered"] = text().splitlines()[1] if len(text().splitlines()) > 1 else ""
    seen["stamp"] = driver.find_element(By.CSS_SELECTOR, ".stamp").text
    shot("05-van-ban-da-vao-so")

    login("giamdoc")
    seen["leaderInbox"] = "Chờ ý kiến chỉ đạo (1)" in text()
    shot("06-hop-thu-lanh-dao")
    driver.get(base + "/documents/" + reference)
    submit("/route", {"direction": "Giao Phòng Tổ chức chủ trì, báo cáo kết quả.", "lead": "Phòng Tổ chức", "due": "10wd"})
    seen["routed"] = "Đã chuyển cho Phòng Tổ chức" in text()
    shot("07-da-phan-cong")

    login("cv.tochuc")
    seen["officerInbox"] = "Chờ xử lý (1)" in text()
    shot("08-hop-thu-chuyen-vien")
    driver.get(base + "/documents/" + reference)
    submit("/progress", {"note": "Đã liên hệ các đơn vị, đang tổng hợp."})
    seen["progress"] = "Đã ghi tiến độ" in text()
    submit("/done", {"note": "Đã báo cáo lãnh đạo."})
    seen["done"] = "Đã ghi hoàn thành" in text()
    shot("09-da-hoan-thanh")

    login("vanthu")
    driver.get(base + "/documents/" + reference)
    seen["status"] = next((row.find_element(By.TAG_NAME, "td").text for row in driver.find_elements(By.CSS_SELECTOR, "table.fields tr")
                           if row.find_element(By.TAG_NAME, "th").text == "Trạng thái"), "")
    shot("10-van-thu-xem-ket-qua")
    driver.get(base + "/documents?so=den")
    seen["listed"] = reference.split("/")[-1] in text()
    shot("11-so-van-ban-den")
    driver.get(base + "/overdue")
    shot("12-theo-doi-han")
    login("quantri")
    driver.get(base + "/users")
    seen["users"] = "cv.tochuc" in text()
    shot("13-tai-khoan")
    print(json.dumps({"reference": reference, "seen": seen}, ensure_ascii=False))
except Exception as error:
    # What the test shows when it fails: the step, the page and what it said.
    print(f"browser-test: {type(error).__name__}: {error}", file=sys.stderr)
    try:
        print(f"browser-test: page {driver.current_url}: {text()[:500]}", file=sys.stderr)
        driver.save_screenshot(os.path.join(artifacts, "failure.png"))
    except Exception:
        pass
    raise
finally:
    driver.quit()
