<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an Atom feed of gongkai (/feed.xml, /regions/<region>/feed.xml) as a readable Chinese page when someone
  opens it in a browser; feed readers ignore it. No inline style or script: the page it makes links
  /feed.css and carries the site's Content-Security-Policy. Dates are written 2023年8月28日, as on the site
  (src/domain/dates.ts). Browsers are retiring XSLT: where it no longer runs, the feed is shown as XML, and is
  still a valid feed.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="no"/>

  <!-- 2023-08-28T00:00:00+08:00 → 2023年8月28日 -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:value-of select="concat(substring($value, 1, 4), '年', number(substring($value, 6, 2)), '月', number(substring($value, 9, 2)), '日')"/>
  </xsl:template>

  <xsl:template match="/atom:feed">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'none'; style-src 'self'"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="atom:title"/>（订阅源）</title>
        <link rel="stylesheet" href="/feed.css"/>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <header class="feed-header">
          <a class="feed-site" href="/">公开<span>民政工作公开</span></a>
        </header>
        <main class="feed-main">
          <nav class="feed-breadcrumb" aria-label="当前位置"><a href="/">首页</a> › <a href="/data/#feeds">订阅</a> › <span aria-current="page">订阅源</span></nav>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:subtitle"><p class="feed-lead"><xsl:value-of select="atom:subtitle"/></p></xsl:if>
          <section class="feed-howto" aria-labelledby="howto-heading">
            <h2 id="howto-heading">这是一个订阅源</h2>
            <p>把本页网址复制到订阅阅读器（RSS/Atom 阅读器）中，本站收录新文件时，阅读器会自动提示。不需要订阅的话，可以直接<a href="{atom:link[@rel='alternate']/@href}">在网站上浏览</a>。</p>
            <p class="feed-url"><span>订阅地址：</span><code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
          </section>
          <h2 id="entries-heading">最新收录的 <xsl:value-of select="count(atom:entry)"/> 份文件</h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol class="feed-entries" aria-labelledby="entries-heading">
                <xsl:for-each select="atom:entry">
                  <li class="feed-entry">
                    <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
                    <p><xsl:value-of select="atom:summary"/></p>
                    <p class="feed-meta">
                      <xsl:if test="atom:author/atom:name"><span><xsl:value-of select="atom:author/atom:name"/></span></xsl:if>
                      <!-- Only a date the source states: an entry's <updated> may be the end of its period. -->
                      <xsl:if test="atom:published"><span>发布于 <time datetime="{substring(atom:published, 1, 10)}"><xsl:call-template name="date"><xsl:with-param name="value" select="atom:published"/></xsl:call-template></time></span></xsl:if>
                    </p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><p>暂无文件。</p></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
