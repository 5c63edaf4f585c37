"""Content of the six fixture portals (data only; markup lives in ../platforms)."""

from . import baogialai, danvan, hagiangtv, phongdien, quangninh, sontinh

SITES = (phongdien.SITE, sontinh.SITE, danvan.SITE, quangninh.SITE, hagiangtv.SITE, baogialai.SITE)
